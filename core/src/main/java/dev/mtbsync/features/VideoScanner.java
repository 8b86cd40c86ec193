package dev.mtbsync.features;

import dev.mtbsync.Progress;
import dev.mtbsync.video.FfmpegFrameSource;
import dev.mtbsync.video.FrameSource;
import dev.mtbsync.video.VideoFormatException;
import dev.mtbsync.video.VideoFrame;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * Decodes a video once, grey and already scaled down by FFmpeg, and keeps the time of every frame
 * plus the features of frames sampled by presentation time (right on variable frame rate).
 */
public final class VideoScanner {

  private final OrbConfig config;

  public VideoScanner(OrbConfig config) {
    this.config = config.validate();
  }

  /**
   * @throws VideoFormatException when the file is not a decodable video or has no frames
   */
  public ScannedVideo scan(Path video, Progress progress, String stage) throws IOException {
    try (FfmpegFrameSource src = FfmpegFrameSource.openGrey(video, config.maxWidth())) {
      return scan(src, video, progress, stage);
    }
  }

  /** The grey frames at most {@link OrbConfig#maxWidth()} px wide this scanner analyses. */
  public int maxWidth() {
    return config.maxWidth();
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
      double step = 1 / config.sampleFps();
      double halfFrame = 0.5 / Math.max(1, src.info().fps());
      List<FrameFeatures> samples = new ArrayList<>();
      double[] pts = new double[(int) Math.max(16, expected + 8)];
      int width = 0;
      int height = 0;
      int n = 0;
      // frames that keep time strictly increasing and reach the next sample time are analysed
      double[] last = {Double.NEGATIVE_INFINITY};
      double[] nextSample = {Double.NEGATIVE_INFINITY};
      DoublePredicate isSample = t -> t > last[0] && t >= nextSample[0] - halfFrame;
      for (VideoFrame f = src.next(isSample); f != null; f = src.next(isSample)) {
        // decided here, not from whether pixels came back: a source may always send them
        boolean sample = isSample.test(f.ptsSec());
        if (f.ptsSec() <= last[0]) {
          continue; // a repeated or out-of-order timestamp
        }
        last[0] = f.ptsSec();
        width = f.width();
        height = f.height();
        if (n == pts.length) {
          pts = java.util.Arrays.copyOf(pts, n * 2);
        }
        pts[n++] = f.ptsSec();
        if (sample) {
          samples.add(orb.extract(f.ptsSec(), f.pixels(), width, height));
          nextSample[0] = Math.max(nextSample[0], f.ptsSec()) + step;
        }
        progress.update(stage, n, expected);
      }
      if (n == 0) {
        throw new VideoFormatException(video, "contains no decodable frames");
      }
      return new ScannedVideo(src.info(), width, height, java.util.Arrays.copyOf(pts, n), samples);
    }
  }
}
