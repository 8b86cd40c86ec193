package dev.mtbsync.quality;

/**
 * The production-grade bar of {@code benchmark-quality}: a run is {@code strict_ok} when its warp
 * has at least {@code minInlierFrac} support, a P90 residual of at most {@code maxP90Sec} and an
 * average speed drift |ppm| of at most {@code maxPpm}. A run without a fitted warp is not.
 *
 * @param minInlierFrac least share of supporting pairs (0 to 1)
 * @param maxP90Sec largest P90 residual (s)
 * @param maxPpm largest |ppm|
 */
public record StrictCriteria(double minInlierFrac, double maxP90Sec, double maxPpm) {

  /** The Python tool's bar: inlier fraction 0.5, P90 1.0 s, 500 ppm. */
  public static final StrictCriteria DEFAULT = new StrictCriteria(0.5, 1.0, 500);

  public boolean passes(Double inlierFrac, Double p90Sec, Double ppm) {
    return inlierFrac != null
        && p90Sec != null
        && ppm != null
        && inlierFrac >= minInlierFrac
        && p90Sec <= maxP90Sec
        && Math.abs(ppm) <= maxPpm;
  }
}
