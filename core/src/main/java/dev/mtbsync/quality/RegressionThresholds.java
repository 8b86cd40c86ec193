package dev.mtbsync.quality;

import dev.mtbsync.config.ConfigException;

/**
 * When a run counts as a regression against the rolling baseline. A metric warns when its change in
 * the bad direction exceeds {@code max(pct x baseline, abs)} and fails when it exceeds {@code
 * severeMultiplier} times that. Defaults are the Python tool's.
 *
 * @param window runs the baseline is the median of (the newest before the current one), 1 to
 *     MAX_RECORDS
 * @param minHistory runs needed before gating; fewer is "learning" (1 or more)
 * @param p90Pct P90 rise, fraction of the baseline (0.25: +25%)
 * @param p90Abs P90 rise in seconds
 * @param ppmPct rise of |ppm|, fraction of the baseline
 * @param ppmAbs rise of |ppm| in ppm
 * @param inlierPct inlier-fraction drop, fraction of the baseline
 * @param inlierAbs inlier-fraction drop, absolute (0 to 1)
 * @param severeMultiplier fail threshold over warn threshold (more than 1)
 */
public record RegressionThresholds(
    int window,
    int minHistory,
    double p90Pct,
    double p90Abs,
    double ppmPct,
    double ppmAbs,
    double inlierPct,
    double inlierAbs,
    double severeMultiplier) {

  public static final int DEFAULT_WINDOW = 50;
  public static final int MIN_HISTORY = 10;

  public static final RegressionThresholds DEFAULT =
      new RegressionThresholds(DEFAULT_WINDOW, MIN_HISTORY, 0.25, 0.25, 0.25, 150, 0.15, 0.05, 2);

  /**
   * @throws ConfigException naming the first parameter out of range
   */
  public RegressionThresholds validate() {
    ConfigException.require(
        window >= 1 && window <= QualityHistory.MAX_RECORDS,
        "regression window",
        "must be 1 to " + QualityHistory.MAX_RECORDS + " runs, got " + window);
    ConfigException.require(
        minHistory >= 1, "min history", "must be 1 run or more, got " + minHistory);
    nonNegative("regression p90 pct", p90Pct);
    nonNegative("regression p90 abs", p90Abs);
    nonNegative("regression ppm pct", ppmPct);
    nonNegative("regression ppm abs", ppmAbs);
    nonNegative("regression inlier pct", inlierPct);
    nonNegative("regression inlier abs", inlierAbs);
    ConfigException.require(
        severeMultiplier > 1 && !Double.isInfinite(severeMultiplier),
        "severe multiplier",
        "must be more than 1, got " + severeMultiplier);
    return this;
  }

  private static void nonNegative(String parameter, double v) {
    ConfigException.require(
        v >= 0 && !Double.isInfinite(v), parameter, "must be a number >= 0, got " + v);
  }
}
