package dev.mtbsync.gps;

import java.time.Instant;

/**
 * One GPS fix.
 *
 * @param lat latitude (degrees, WGS84)
 * @param lon longitude (degrees, WGS84)
 * @param elevation metres above sea level, NaN when unknown
 * @param time when the fix was taken
 */
public record TrackPoint(double lat, double lon, double elevation, Instant time) {}
