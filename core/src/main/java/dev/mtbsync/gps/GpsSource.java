package dev.mtbsync.gps;

import java.nio.file.Path;

/**
 * Where one run's GPS comes from.
 *
 * @param file a GPX or FIT file (or a video to read telemetry from), or null
 * @param fromVideo read the run's own video telemetry (GoPro GPMF)
 * @param clockOffsetSec seconds the GPS clock runs ahead of the video's: a fix stamped T belongs to
 *     video time {@code T - start - clockOffsetSec}; 0 when the clocks agree
 */
public record GpsSource(Path file, boolean fromVideo, double clockOffsetSec) {

  public static final GpsSource NONE = new GpsSource(null, false, 0);

  public GpsSource {
    if (file != null && fromVideo) {
      throw new IllegalArgumentException("a GPS source is a file or the video, not both");
    }
    if (!Double.isFinite(clockOffsetSec)) {
      throw new IllegalArgumentException("GPS clock offset must be a number of seconds");
    }
  }

  /** The video's own telemetry. */
  public static GpsSource video(double clockOffsetSec) {
    return new GpsSource(null, true, clockOffsetSec);
  }

  /** A GPX or FIT file. */
  public static GpsSource file(Path file, double clockOffsetSec) {
    return new GpsSource(file, false, clockOffsetSec);
  }

  public boolean isNone() {
    return file == null && !fromVideo;
  }
}
