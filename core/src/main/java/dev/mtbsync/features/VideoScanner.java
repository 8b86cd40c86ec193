package dev.mtbsync.features;

import dev.mtbsync.Progress;
import dev.mtbsync.video.FrameSource;
import dev.mtbsync.video.SparseLumaDecoder;
import dev.mtbsync.video.VideoFormatException;
import dev.mtbsync.video.VideoFrame;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * Decodes a video once, grey and scaled down, and keeps the time of every frame plus the features
 * of frames sampled on a fixed grid of presentation times (right on variable frame rate).
 *
 * <p>DESIGN NOTE: a frame is a sample when a grid time {@code k / sampleFps} falls within its
 * display interval (shifted half a frame earlier), so for a file the choice is made from the
 * container's packet times, before decoding, and the decoder can skip the frames between samples
 * ({@link SparseLumaDecoder}). A source that hands out decoded frames (an upload still arriving) is
 * sampled by the same rule, so both give the same samples.
 */
public final class VideoScanner {

  private final OrbConfig config;
  private final SparseLumaDecoder.Options decoding;

  public VideoScanner(OrbConfig config) {
    this(config, SparseLumaDecoder.Options.DEFAULT);
  }

  public VideoScanner(OrbConfig config, SparseLumaDecoder.Options decoding) {
    this.config = config.validate();
    this.decoding = decoding;
  }

  /** The grey frames at most {@link OrbConfig#maxWidth()} px wide this scanner analyses. */
  public int maxWidth() {
    return config.maxWidth();
  }

  /**
   * @throws VideoFormatException when the file is not a decodable video or has no frames
   */
  public ScannedVideo scan(Path video, Progress progress, String stage) throws IOException {
    try (SparseLumaDecoder decoder = SparseLumaDecoder.open(video, config.maxWidth(), decoding);
        OrbExtractor orb = new OrbExtractor(config)) {
      long expected = decoder.info().frameCount();
      double fps = Math.max(1, decoder.info().fps());
      double step = 1 / config.sampleFps();
      double halfFrame = 0.5 / fps;
      List<FrameFeatures> samples = new ArrayList<>();
      double[] last = {Double.NEGATIVE_INFINITY};
      double[] pts =
          decoder.decode(
              (t, duration) -> onGrid(t, duration, step, halfFrame),
              (t, grey, w, h) -> {
                if (t > last[0]) { // a repeated timestamp is not a second sample
                  last[0] = t;
                  samples.add(orb.extract(t, grey, w, h));
                  progress.update(stage, Math.round(t * fps), expected);
                }
              });
      if (pts.length == 0 || decoder.decodedFrames() == 0) {
        throw new VideoFormatException(video, "contains no decodable frames");
      }
      progress.update(stage, pts.length, pts.length);
      return new ScannedVideo(decoder.info(), decoder.width(), decoder.height(), pts, samples);
    }
  }

  /**
   * Scans frames from a source the caller opened (grey, at most {@link #maxWidth()} px wide), e.g.
   * one decoding an upload while it arrives; the caller closes it.
   *
   * @param video the file the frames come from, named in errors
   * @throws VideoFormatException when the source has no frames
   */
  public ScannedVideo scan(FrameSource src, Path video, Progress progress, String stage)
      throws IOException {
    try (OrbExtractor orb = new OrbExtractor(config)) {
      long expected = src.info().frameCount();
      double nominal = 1 / Math.max(1, src.info().fps());
      double step = 1 / config.sampleFps();
      double halfFrame = nominal / 2;
      List<FrameFeatures> samples = new ArrayList<>();
      double[] pts = new double[(int) Math.max(16, expected + 8)];
      int width = 0;
      int height = 0;
      int n = 0;
      // a frame's display interval runs from the previous frame's time (nominal for the first)
      double[] last = {Double.NEGATIVE_INFINITY};
      DoublePredicate isSample =
          t ->
              t > last[0]
                  && onGrid(t, Double.isInfinite(last[0]) ? nominal : t - last[0], step, halfFrame);
      for (VideoFrame f = next(src, isSample, n); f != null; f = next(src, isSample, n)) {
        // decided here, not from whether pixels came back: a source may always send them
        boolean sample = isSample.test(f.ptsSec());
        if (f.ptsSec() <= last[0]) {
          continue; // a repeated or out-of-order timestamp
        }
        last[0] = f.ptsSec();
        width = f.width();
        height = f.height();
        if (n == pts.length) {
          pts = Arrays.copyOf(pts, n * 2);
        }
        pts[n++] = f.ptsSec();
        if (sample) {
          samples.add(orb.extract(f.ptsSec(), f.pixels(), width, height));
        }
        progress.update(stage, n, expected);
      }
      if (n == 0) {
        throw new VideoFormatException(video, "contains no decodable frames");
      }
      return new ScannedVideo(src.info(), width, height, Arrays.copyOf(pts, n), samples);
    }
  }

  /**
   * The next frame; null at the end, or where the data breaks off after {@code decoded} frames (a
   * file cut short): what decoded is kept, and {@link ScannedVideo#length()} tells how much that is
   * of what the header promised.
   */
  private static VideoFrame next(FrameSource src, DoublePredicate isSample, int decoded)
      throws IOException {
    try {
      return src.next(isSample);
    } catch (VideoFormatException e) {
      if (decoded == 0) {
        throw e;
      }
      return null;
    }
  }

  /**
   * Whether a grid time {@code k * step} (k >= 0) falls in the frame's display interval, shifted
   * half a frame earlier: {@code (t - duration, t]} shifted by {@code -halfFrame}.
   */
  static boolean onGrid(double t, double duration, double step, double halfFrame) {
    double k = Math.floor((t + halfFrame) / step);
    return k >= 0 && k * step > t - duration + halfFrame;
  }
}
