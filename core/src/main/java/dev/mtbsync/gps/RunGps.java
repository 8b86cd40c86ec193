package dev.mtbsync.gps;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * One run's track placed on its video's clock.
 *
 * @param track the fixes
 * @param videoStart the instant of the video's first frame on the track's clock
 * @param clock how {@code videoStart} was found, e.g. "the video's own telemetry"
 */
public record RunGps(GpsTrack track, Instant videoStart, String clock) {

  /**
   * Reads one run's GPS. A file the user named must be readable (its problems are errors); a
   * video's own telemetry may be missing (that is {@link NoGpsException}, for the caller to note).
   *
   * @param video the run's video (for its telemetry and creation time)
   * @return null for {@link GpsSource#NONE}
   */
  public static RunGps load(GpsSource source, Path video) throws IOException {
    if (source.isNone()) {
      return null;
    }
    double offset = source.clockOffsetSec();
    String given =
        offset == 0 ? "" : String.format(Locale.ROOT, ", clock offset %+.3f s given", offset);
    if (source.fromVideo()) {
      GpsTrack t = GpmfReader.read(video);
      return new RunGps(t, shift(t.videoStart(), offset), "the video's own telemetry" + given);
    }
    GpsTrack t = GpsFiles.read(source.file());
    if (t.videoStart() != null) { // a video given as the GPS file: its clock is its own
      return new RunGps(t, shift(t.videoStart(), offset), "that video's own telemetry" + given);
    }
    Instant created = creationTime(video);
    if (created != null && !created.isBefore(t.first()) && !created.isAfter(t.last())) {
      return new RunGps(t, shift(created, offset), "the video's creation time" + given);
    }
    return new RunGps(t, shift(t.first(), offset), "its first fix at the video's start" + given);
  }

  /** The MP4/MOV's creation time, or null when it has none or is not an MP4/MOV. */
  static Instant creationTime(Path video) {
    try {
      return Mp4Boxes.read(video).creationTime();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Instant shift(Instant t, double sec) {
    return t.plusNanos(Math.round(sec * 1e9));
  }
}
