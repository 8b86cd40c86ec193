package dev.mtbsync.gps;

import java.util.List;

/**
 * How the pictures' warp and the GPS compare where both say something.
 *
 * @param medianSec median of warp minus GPS (s): a GPS clock that runs early or late shows here
 * @param p90AbsSec 90th percentile of the absolute difference (s)
 * @param maxAbsSec the largest absolute difference (s)
 * @param disagreements stretches where they differ by more than the GPS's own uncertainty allows
 *     (and at least {@value GpsSeed#DISAGREE_SEC} s): the warp from the pictures is kept there
 */
public record GpsAgreement(
    double medianSec, double p90AbsSec, double maxAbsSec, List<Disagreement> disagreements) {

  /**
   * One stretch of the new run where pictures and GPS disagree.
   *
   * @param fromSec first new time (s)
   * @param toSec last new time (s)
   * @param maxSec the largest difference there, warp minus GPS (s, signed)
   */
  public record Disagreement(double fromSec, double toSec, double maxSec) {}
}
