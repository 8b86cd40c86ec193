package dev.mtbsync.gps;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The fixes read from one file, in time order.
 *
 * @param file where they came from
 * @param format {@code gpx}, {@code fit}, or {@code gpmf} (a GoPro video's own telemetry)
 * @param points fixes in time order (times may repeat where the file repeats them)
 * @param videoStart for telemetry read from a video: the instant of the video's first frame on the
 *     fixes' clock, so {@code time - videoStart} is video time; null for GPX and FIT files, whose
 *     clock the video does not share
 * @param detail what the reader found worth saying, e.g. "GPS5, 18.2 Hz" or "358 points without a
 *     time ignored"; empty when nothing
 */
public record GpsTrack(
    Path file, String format, List<TrackPoint> points, Instant videoStart, String detail) {

  public GpsTrack {
    points = List.copyOf(points);
  }

  public Instant first() {
    return points.get(0).time();
  }

  public Instant last() {
    return points.get(points.size() - 1).time();
  }

  /** Seconds from the first fix to the last. */
  public double spanSec() {
    return Duration.between(first(), last()).toNanos() / 1e9;
  }
}
