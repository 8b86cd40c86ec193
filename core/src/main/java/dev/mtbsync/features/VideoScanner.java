package dev.mtbsync.features;

import dev.mtbsync.Progress;
import dev.mtbsync.video.SparseLumaDecoder;
import dev.mtbsync.video.VideoFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a video once, grey and scaled down, and keeps the time of every frame plus the features
 * of frames sampled on a fixed grid of presentation times (right on variable frame rate).
 *
 * <p>DESIGN NOTE: a frame is a sample when a grid time {@code k / sampleFps} falls within its
 * display interval (shifted half a frame earlier), so the choice is made from the container's
 * packet times, before decoding, and the decoder can skip the frames between samples.
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
   * Whether a grid time {@code k * step} (k >= 0) falls in the frame's display interval, shifted
   * half a frame earlier: {@code (t - duration, t]} shifted by {@code -halfFrame}.
   */
  static boolean onGrid(double t, double duration, double step, double halfFrame) {
    double k = Math.floor((t + halfFrame) / step);
    return k >= 0 && k * step > t - duration + halfFrame;
  }
}
