package dev.mtbsync.match;

/**
 * Where the reference is expected to show what the new run shows, from something other than the
 * pictures (the riders' GPS): the coarse search then looks only within a band around it, and
 * verification starts from it. The pictures still decide: inside the band, the best-matching
 * moments win, not the expectation.
 *
 * @param tNew new-run times (s), increasing
 * @param tRef the reference time (s) expected at each; NaN where nothing is expected (the search
 *     there is as without a prior)
 * @param bandSec how far (s) either side of {@code tRef} the search looks, positive
 */
public record SearchPrior(double[] tNew, double[] tRef, double[] bandSec) {

  public SearchPrior {
    if (tNew.length < 2 || tRef.length != tNew.length || bandSec.length != tNew.length) {
      throw new IllegalArgumentException("a prior needs at least two times of equal length arrays");
    }
  }

  /** The expected reference time (s) at new time t, linear between entries; NaN outside. */
  public double refAt(double t) {
    return at(tRef, t);
  }

  /** The band half-width (s) at new time t; NaN outside. */
  public double bandAt(double t) {
    return at(bandSec, t);
  }

  private double at(double[] v, double t) {
    if (!(t >= tNew[0]) || t > tNew[tNew.length - 1]) {
      return Double.NaN;
    }
    int lo = 0;
    int hi = tNew.length - 1;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (tNew[mid] <= t) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double f = (t - tNew[lo]) / (tNew[hi] - tNew[lo]);
    return v[lo] + f * (v[hi] - v[lo]);
  }
}
