package dev.mtbsync.export;

/**
 * A marker an export left out rather than write at a wrong time.
 *
 * @param name the marker's name
 * @param tNew its time in the new run (s), NaN when the new run does not cover it
 * @param reason why, e.g. "past the clip's end (20.000 s)"
 */
public record SkippedMarker(String name, double tNew, String reason) {}
