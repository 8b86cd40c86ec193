package dev.mtbsync.markers;

/**
 * A reference marker carried over to the new run.
 *
 * @param name the reference marker's name
 * @param tRef its time in the reference (s)
 * @param tNew its time in the new run (s); NaN when the new run does not cover it
 * @param confidence 0 to 1: the warp's local confidence there (0 when not covered)
 * @param needsReview true when outside the new run's covered range or below the review threshold
 * @param colour the reference marker's colour
 * @param comment the reference marker's comment, plus why it needs review
 */
public record NewMarker(
    String name,
    double tRef,
    double tNew,
    double confidence,
    boolean needsReview,
    String colour,
    String comment) {}
