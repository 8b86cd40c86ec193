package dev.mtbsync.cli;

import dev.mtbsync.quality.RegressionThresholds;
import picocli.CommandLine.Option;

/** The regression thresholds, shared by sync, batch and quality-check. */
public final class RegressionThresholdOptions {

  @Option(
      names = {"--reg-window", "--window"},
      defaultValue = "" + RegressionThresholds.DEFAULT_WINDOW,
      paramLabel = "N",
      description = "Baseline: median of the last N runs (default: ${DEFAULT-VALUE}).")
  int window;

  @Option(
      names = "--reg-p90-pct",
      defaultValue = "0.25",
      paramLabel = "FRAC",
      description =
          "Warn when P90 rises by more than this share of the baseline (default: ${DEFAULT-VALUE}),")
  double p90Pct;

  @Option(
      names = "--reg-p90-abs",
      defaultValue = "0.25",
      paramLabel = "SEC",
      description =
          "  or by more than this many seconds, whichever is larger (default: ${DEFAULT-VALUE}).")
  double p90Abs;

  @Option(
      names = "--reg-ppm-pct",
      defaultValue = "0.25",
      paramLabel = "FRAC",
      description =
          "Warn when |ppm| rises by more than this share of the baseline (default: ${DEFAULT-VALUE}),")
  double ppmPct;

  @Option(
      names = "--reg-ppm-abs",
      defaultValue = "150",
      paramLabel = "PPM",
      description = "  or by more than this many ppm (default: ${DEFAULT-VALUE}).")
  double ppmAbs;

  @Option(
      names = "--reg-inlier-pct",
      defaultValue = "0.15",
      paramLabel = "FRAC",
      description =
          "Warn when the inlier fraction drops by more than this share of the baseline (default: ${DEFAULT-VALUE}),")
  double inlierPct;

  @Option(
      names = "--reg-inlier-abs",
      defaultValue = "0.05",
      paramLabel = "FRAC",
      description =
          "  or by more than this much (default: ${DEFAULT-VALUE}). Fail at twice any warn threshold.")
  double inlierAbs;

  /**
   * @throws IllegalArgumentException naming the flag that is out of range
   */
  RegressionThresholds thresholds() {
    return new RegressionThresholds(
            window,
            RegressionThresholds.MIN_HISTORY,
            p90Pct,
            p90Abs,
            ppmPct,
            ppmAbs,
            inlierPct,
            inlierAbs,
            RegressionThresholds.DEFAULT.severeMultiplier())
        .validate();
  }
}
