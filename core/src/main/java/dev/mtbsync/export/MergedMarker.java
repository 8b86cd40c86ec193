package dev.mtbsync.export;

/**
 * A marker an export joined to another on the same frame, for a format that keeps one marker per
 * frame (an EDL reader rejects two records at one time; Resolve and Media Composer keep one of
 * them).
 *
 * @param name the marker's name
 * @param tNew its time in the new run (s)
 * @param into the name of the marker it was joined to (the earlier one in the markers file)
 * @param timecode the timeline timecode of their frame
 */
public record MergedMarker(String name, double tNew, String into, String timecode) {}
