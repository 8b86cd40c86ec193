package dev.mtbsync.server.compare;

/**
 * A marker in the compare view: where the warp puts it on the new run and, when the new run has its
 * own time for it, how far apart they are.
 *
 * @param name the marker
 * @param tRef reference time (s), null when unknown
 * @param tNew the new run's own time for it (s; from the new markers), null when it has none
 * @param tNewLo lower end of the 90 % interval of {@code tNew} (s), null when unknown
 * @param tNewHi upper end of that interval (s), null when unknown
 * @param predicted the reference time carried through the warp (s), null outside its range
 * @param delta {@code tNew - predicted} (s), null unless both are known
 * @param confidence 0 to 1
 * @param needsReview flagged for review
 * @param colour the marker's colour name
 * @param comment its comment
 */
public record CompareMarker(
    String name,
    Double tRef,
    Double tNew,
    Double tNewLo,
    Double tNewHi,
    Double predicted,
    Double delta,
    double confidence,
    boolean needsReview,
    String colour,
    String comment) {

  /** Where to show it on the new run: its own time, else the predicted one. */
  public Double at() {
    return tNew != null ? tNew : predicted;
  }
}
