package dev.mtbsync.markers;

/**
 * A moment marked on the reference run.
 *
 * @param name label shown in the editor, e.g. "Jump 2"
 * @param tRef time in the reference video (s)
 * @param colour marker colour name (editor palette, e.g. "blue"); empty when unset
 * @param comment free text; empty when unset
 */
public record RefMarker(String name, double tRef, String colour, String comment) {}
