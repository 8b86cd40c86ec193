package dev.mtbsync.render;

/**
 * What the comparison video shows at one output moment: which frame of each run, and the facts
 * burned in. Times in seconds.
 *
 * @param tNew the new run's time shown, NaN when the warp does not cover this moment
 * @param tRef the reference's time shown, NaN when the warp does not cover this moment
 * @param elapsedNew the new run's time since the shared start (the from gate, else the first moment
 *     the warp covers), NaN where not covered
 * @param elapsedRef the reference's time since the shared start, NaN where not covered
 * @param gapSec {@code elapsedNew - elapsedRef}: positive when the new run is behind (time lost),
 *     negative when ahead; NaN where not covered
 * @param sector the current sector, e.g. {@code "SECTOR 2/4 Berm > Drop"}; null without gates
 * @param passed the gate or marker passed within the last {@link Timeline#HOLD_SEC}, or null
 */
record Moment(
    double tNew,
    double tRef,
    double elapsedNew,
    double elapsedRef,
    double gapSec,
    String sector,
    Passing passed) {

  /** Whether both runs have a frame for this moment. */
  public boolean covered() {
    return !Double.isNaN(tNew) && !Double.isNaN(tRef);
  }

  /**
   * A marker as the followed run passes it.
   *
   * @param t the followed run's time at the marker (s)
   * @param name the marker's name
   * @param sectorDeltaSec new minus reference time over the sector that ends here (s), NaN at the
   *     first gate or for a marker the new run does not reach
   * @param newSectorSec the new run's sector time (s), NaN where unknown
   * @param refSectorSec the reference's sector time (s), NaN where unknown
   */
  public record Passing(
      double t, String name, double sectorDeltaSec, double newSectorSec, double refSectorSec) {}
}
