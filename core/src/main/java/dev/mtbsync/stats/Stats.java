package dev.mtbsync.stats;

import java.util.Arrays;
import java.util.Collection;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.util.KthSelector;

/**
 * Percentiles and medians of samples, in one place. Each method copies its input (the caller's
 * array keeps its order), leaves NaN values out and answers {@code NaN} for no values.
 *
 * <p>The standard is {@link #percentile}: linear interpolation between the closest ranks (Hyndman
 * and Fan's type 7, numpy's and R's default), so a P90 of residuals moves smoothly with them. Two
 * other definitions were written into artefacts before there was one, and are kept under names of
 * their own so those files keep their numbers: {@link #upperMedian} and {@link #lowerPercentile}.
 */
public final class Stats {

  private Stats() {}

  /**
   * The {@code pct}-th percentile, linearly interpolated between the closest ranks: rank {@code
   * pct/100 x (n - 1)}, counted from 0 (type 7; the residuals' P50/P90/P95 of timewarp.json, the
   * benchmark's and the regression baseline's medians).
   *
   * @param pct 0 to 100
   */
  public static double percentile(double[] values, double pct) {
    if (Arrays.stream(values).allMatch(Double::isNaN)) {
      return Double.NaN;
    }
    if (pct == 0) { // Commons Math takes (0, 100]; the lowest rank is the smallest value
      return Arrays.stream(values).min().orElseThrow();
    }
    return new Percentile()
        .withEstimationType(EstimationType.R_7)
        .withNaNStrategy(NaNStrategy.REMOVED)
        .evaluate(values, pct);
  }

  /** The median: the 50th {@link #percentile}, the mean of the two middle values for an even n. */
  public static double median(double[] values) {
    return percentile(values, 50);
  }

  /** {@link #median} of boxed values. */
  public static double median(Collection<Double> values) {
    return median(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * The value of rank {@code n / 2} counted from 0: the middle one for an odd n, the upper of the
   * two middle ones for an even n. The GPS block of timewarp.json (the seed's band median, the
   * fixes' median DOP, the median of warp minus GPS) and {@code mtbsync demo}'s median marker error
   * were written with it; kept so, where {@link #median} would move those numbers for an even
   * count.
   */
  public static double upperMedian(double[] values) {
    double[] v = numbers(values);
    return rank(v, v.length / 2);
  }

  /**
   * The value of rank {@code floor(pct/100 x (n - 1))} counted from 0: the percentile without
   * interpolation, rounded down to a sample. The marker-error P90 of {@code mtbsync demo} is told
   * with it, as {@code scripts/bench-sync.sh} tells its own.
   *
   * @param pct 0 to 100
   */
  public static double lowerPercentile(double[] values, double pct) {
    double[] v = numbers(values);
    return rank(v, (int) Math.floor(pct / 100 * (v.length - 1)));
  }

  /** The k-th smallest of values the caller owns (from 0); NaN for no values. */
  private static double rank(double[] own, int k) {
    return own.length == 0 ? Double.NaN : new KthSelector().select(own, null, k);
  }

  /** A copy without NaN values. */
  private static double[] numbers(double[] values) {
    return Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
  }
}
