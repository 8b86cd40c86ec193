package dev.mtbsync.server.compare;

/**
 * A reviewer's note on one marker, kept in the run folder's {@code annotations.json}.
 *
 * @param marker the marker's name
 * @param tNew where the reviewer was on the new run (s), null when not given
 * @param label a short tag ("ok", "late", "wrong place"...)
 * @param note free text
 * @param updated when it was saved (ISO-8601)
 */
public record Annotation(String marker, Double tNew, String label, String note, String updated) {}
