package dev.mtbsync.render;

import dev.mtbsync.Progress;
import dev.mtbsync.io.AtomicFiles;
import dev.mtbsync.video.FfmpegFrameSource;
import dev.mtbsync.video.H264FileSink;
import dev.mtbsync.video.VideoFrame;
import dev.mtbsync.video.VideoInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Renders the riders' comparison video: both runs in one picture, in step frame by frame, with the
 * gap, elapsed times, sectors and gates burned in, as an H.264 (yuv420p) MP4.
 *
 * <p>The followed run sets the output's frame rate and plays as filmed; for every output frame the
 * other run shows its frame nearest the warp's time (see {@link Timeline}). Both videos are decoded
 * once, forward, scaled by FFmpeg to their place in the picture; memory holds two frames per run
 * whatever the length.
 */
public final class ComparisonRenderer {

  private static final Scalar BACKGROUND = new Scalar(20, 20, 20, 0);

  /** A start later than this (s) into a video is reached by a seek rather than by decoding. */
  static final double SEEK_AFTER_SEC = 2.0;

  /** How far (s) before its first needed frame a video is sought to. */
  static final double SEEK_MARGIN_SEC = 0.5;

  private ComparisonRenderer() {}

  /**
   * @param in the run folder's videos, warp and markers
   * @param config what to make (validated here, before any decoding)
   * @param out the MP4 to write; written beside under a temporary name and renamed when complete
   * @param progress told of each frame written
   * @throws IllegalArgumentException when the config or its gates do not fit this run
   * @throws IOException when a video cannot be decoded or the output written
   */
  public static RenderResult render(
      RenderInputs in, RenderConfig config, Path out, Progress progress) throws IOException {
    config.validate();
    long t0 = System.nanoTime();
    Path dir = out.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path temp = AtomicFiles.tempBeside(out);
    try (FfmpegFrameSource neu = FfmpegFrameSource.open(in.newVideo());
        FfmpegFrameSource ref = FfmpegFrameSource.open(in.refVideo())) {
      boolean followNew = config.follow() == Follow.NEW;
      VideoInfo lead = followNew ? neu.info() : ref.info();
      double fps = lead.fps() > 0 && lead.fps() <= 240 ? lead.fps() : 30;
      double duration = duration(lead, fps);
      Timeline timeline =
          Timeline.of(
              in.warp(),
              in.markers(),
              config.follow(),
              duration,
              config.fromGate(),
              config.toGate());
      Panels panels = Panels.of(config.layout(), config.follow(), config.width(), config.height());
      Box newBox = place(panels.newSlot(), neu.info(), panels.inset() && !followNew);
      Box refBox = place(panels.refSlot(), ref.info(), panels.inset() && followNew);
      Box newDecoded = decoded(newBox, neu.info());
      Box refDecoded = decoded(refBox, ref.info());
      neu.scaleTo(newDecoded.width(), newDecoded.height());
      ref.scaleTo(refDecoded.width(), refDecoded.height());
      Moment first = timeline.at(timeline.start());
      skipTo(neu, first.tNew());
      skipTo(ref, first.tRef());
      long total =
          Double.isInfinite(timeline.end())
              ? -1
              : Math.max(1, Math.round((timeline.end() - timeline.start()) * fps));
      // decoding ahead and encoding behind on threads of their own paid for the layouts that
      // only place pictures (a 10 s 1080p side-by-side on a quiet 2-core machine: 0.92x the wall
      // time, 0.95x the CPU); not for the overlay, whose perspective warp OpenCV already spreads
      // over the cores (1.05x the wall time and CPU, 651 MB against 411 MB peak)
      boolean threaded = config.layout() != Layout.OVERLAY;
      // the followed picture drawn over the whole output (overlay, picture-in-picture, at the
      // output's aspect) leaves no background to clear: a 1080p clear costs 1-2 ms a frame
      Box followedBox = followNew ? newBox : refBox;
      boolean filled =
          followedBox.x() == 0
              && followedBox.y() == 0
              && followedBox.width() == config.width()
              && followedBox.height() == config.height();
      long frames = 0;
      long matched = 0;
      String stage = "render " + out.getFileName();
      try (SoundCopier sound = sound(in, config, timeline.start());
          H264FileSink sink =
              new H264FileSink(
                  temp,
                  config.width(),
                  config.height(),
                  fps,
                  config.crf(),
                  0,
                  sound == null ? 0 : sound.channels(),
                  sound == null ? 0 : sound.sampleRate());
          Mat canvas = new Mat(config.height(), config.width(), opencv_core.CV_8UC3);
          Mat yuv = new Mat();
          Compositor compositor =
              new Compositor(
                  canvas,
                  panels,
                  newBox,
                  refBox,
                  config.follow(),
                  config.layout(),
                  registration(
                      in,
                      config,
                      followNew ? newBox : refBox,
                      followNew ? refDecoded : newDecoded));
          Prefetch newAhead = new Prefetch(neu, "mtbsync-render-decode-new", threaded);
          Prefetch refAhead = new Prefetch(ref, "mtbsync-render-decode-ref", threaded);
          Encoder encoder =
              new Encoder(
                  config.width() * config.height() * 3 / 2, "mtbsync-render-encode", threaded)) {
        FrameCursor newFrames = new FrameCursor(newAhead, 1.5 / Math.max(1, neu.info().fps()));
        FrameCursor refFrames = new FrameCursor(refAhead, 1.5 / Math.max(1, ref.info().fps()));
        for (long i = 0; total < 0 || i < total; i++) {
          double t = timeline.start() + i / fps;
          Moment m = timeline.at(t);
          VideoFrame newFrame = Double.isNaN(m.tNew()) ? null : newFrames.nearest(m.tNew());
          VideoFrame refFrame = Double.isNaN(m.tRef()) ? null : refFrames.nearest(m.tRef());
          if ((followNew ? newFrame : refFrame) == null) {
            break; // the followed video ended before its stated length
          }
          if (!filled) {
            canvas.put(BACKGROUND);
          }
          compositor.draw(m, newFrame, refFrame);
          opencv_imgproc.cvtColor(canvas, yuv, opencv_imgproc.COLOR_BGR2YUV_I420);
          byte[] i420 = encoder.buffer();
          yuv.data().get(i420);
          encoder.frame(i420, sink::write);
          if (sound != null) {
            double until = t + 1 / fps;
            encoder.submit(() -> sound.copyUntil(until, sink));
          }
          frames++;
          if (newFrame != null && refFrame != null) {
            matched++;
          }
          progress.update(stage, frames, total);
        }
        encoder.finish();
      }
      if (frames == 0) {
        throw new RenderInputException(
            followNew ? in.newVideo() : in.refVideo(), "has no frames in the range to render");
      }
      AtomicFiles.publish(temp, out);
      return new RenderResult(
          out,
          config.width(),
          config.height(),
          fps,
          frames,
          matched,
          (System.nanoTime() - t0) / 1e9);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The new run's sound when the config wants it and there is one. */
  private static SoundCopier sound(RenderInputs in, RenderConfig config, double start)
      throws IOException {
    if (!config.wantsNewSound()) {
      return null;
    }
    SoundCopier sound = SoundCopier.open(in.newVideo(), start);
    if (sound == null && config.audio() == Audio.NEW) {
      throw new RenderInputException(in.newVideo(), "has no sound track to carry (audio new)");
    }
    return sound;
  }

  /**
   * For the overlay, the registration starting from the pair's camera difference; else null.
   *
   * @param followed the followed run's place in the picture (px)
   * @param other the size the other run's frames are decoded at (px)
   */
  private static Registration registration(
      RenderInputs in, RenderConfig config, Box followed, Box other) {
    if (config.layout() != Layout.OVERLAY) {
      return null;
    }
    boolean followNew = config.follow() == Follow.NEW;
    Box newSize = followNew ? followed : other;
    Box refSize = followNew ? other : followed;
    double[] prior =
        Homography.fromCamera(
            in.camera(),
            followNew,
            newSize.width(),
            newSize.height(),
            refSize.width(),
            refSize.height());
    return new Registration(prior, other.width(), other.height(), followed.width());
  }

  /** The followed video's length (s): the stream's, else frames over rate, else open-ended. */
  private static double duration(VideoInfo info, double fps) {
    if (info.durationSec() > 0) {
      return info.durationSec();
    }
    return info.frameCount() > 0 ? info.frameCount() / fps : Double.POSITIVE_INFINITY;
  }

  /**
   * Starts a video a little before the first time it is needed (a {@code --from} gate late in the
   * run): one seek, then the cursor reads forward as usual. Decoding minutes of 1080p only to drop
   * them would cost more than the render itself.
   */
  private static void skipTo(FfmpegFrameSource source, double t) throws IOException {
    if (t > SEEK_AFTER_SEC) {
      source.skipTo(t - SEEK_MARGIN_SEC);
    }
  }

  /**
   * The size a video is decoded at: its own, when smaller than its place. OpenCV scales it into
   * place while copying it there (the overlay once the ghost is blended in at that size), which
   * costs less than FFmpeg's scaler does while converting: decoding the 10 s 1280x720 sample to
   * 1920x1080 took 2.3-2.9 CPU-s, at its own size 0.9, and scaling up a frame about 2.6 ms. It also
   * saves memory (a 1280x720 pair's overlay at 1920x1080 peaked at 598 MB with both scaled up by
   * FFmpeg, 397 MB with the ghost at its own size, 376 MB with both).
   */
  private static Box decoded(Box place, VideoInfo info) {
    int w = info.width() & ~1;
    int h = info.height() & ~1;
    return w >= 2 && h >= 2 && w < place.width() ? new Box(place.x(), place.y(), w, h) : place;
  }

  private static Box place(Box slot, VideoInfo info, boolean inset) {
    return inset
        ? slot.fitTopRight(info.width(), info.height())
        : slot.fit(info.width(), info.height());
  }
}
