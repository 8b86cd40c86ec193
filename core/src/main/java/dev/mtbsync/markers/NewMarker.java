package dev.mtbsync.markers;

/**
 * A reference marker carried over to the new run.
 *
 * @param name the reference marker's name
 * @param tRef its time in the reference (s)
 * @param tNew its time in the new run (s); NaN when the new run does not cover it
 * @param tNewLo lower end of the 90 % interval of {@code tNew} (s); NaN when unknown
 * @param tNewHi upper end of that interval (s); NaN when unknown
 * @param confidence 0 to 1: the warp's local confidence there (0 when not covered)
 * @param needsReview true when outside the new run's covered range or below the review threshold
 * @param colour the reference marker's colour
 * @param comment the reference marker's comment, plus why it needs review
 */
public record NewMarker(
    String name,
    double tRef,
    double tNew,
    double tNewLo,
    double tNewHi,
    double confidence,
    boolean needsReview,
    String colour,
    String comment) {

  /** A marker without an interval (a file written before intervals, or one placed by hand). */
  public NewMarker(
      String name,
      double tRef,
      double tNew,
      double confidence,
      boolean needsReview,
      String colour,
      String comment) {
    this(name, tRef, tNew, Double.NaN, Double.NaN, confidence, needsReview, colour, comment);
  }

  /** Whether the marker carries an interval. */
  public boolean hasInterval() {
    return Double.isFinite(tNewLo) && Double.isFinite(tNewHi);
  }
}
