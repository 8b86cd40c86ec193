package dev.mtbsync.gps;

import java.time.Instant;

/**
 * One GPS fix.
 *
 * @param lat latitude (degrees, WGS84)
 * @param lon longitude (degrees, WGS84)
 * @param elevation metres above sea level, NaN when unknown
 * @param time when the fix was taken
 * @param dop dilution of precision the receiver reported (1 ideal, above 5 poor), NaN when unknown
 * @param fix {@link #FIX_NONE}, 2 (2D), 3 (3D), or {@link #FIX_UNKNOWN} when not reported
 */
public record TrackPoint(
    double lat, double lon, double elevation, Instant time, double dop, int fix) {

  /** The receiver did not say whether it had a fix. */
  public static final int FIX_UNKNOWN = -1;

  /** The receiver said it had no fix: the position is a leftover, not a measurement. */
  public static final int FIX_NONE = 0;

  /** A fix without precision or fix information (GPX without them, synthetic tracks). */
  public TrackPoint(double lat, double lon, double elevation, Instant time) {
    this(lat, lon, elevation, time, Double.NaN, FIX_UNKNOWN);
  }
}
