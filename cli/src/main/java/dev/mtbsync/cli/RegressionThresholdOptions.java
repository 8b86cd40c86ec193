package dev.mtbsync.cli;

import dev.mtbsync.quality.RegressionThresholds;
import java.util.Map;
import picocli.CommandLine.Option;

/** The regression thresholds, shared by sync, batch and quality-check. */
public final class RegressionThresholdOptions {

  @Option(
      names = {"--reg-window", "--window"},
      defaultValue = "" + RegressionThresholds.DEFAULT_WINDOW,
      paramLabel = "N",
      description =
          "Baseline: median of the last N runs before this one (default: "
              + "${DEFAULT-VALUE}; --window is the same).")
  int window;

  @Option(
      names = "--reg-p90-pct",
      defaultValue = "0.25",
      paramLabel = "FRAC",
      description =
          "Warn when P90 rises by more than max(this share of the baseline, "
              + "--reg-p90-abs); fail at twice that (default: ${DEFAULT-VALUE}).")
  double p90Pct;

  @Option(
      names = "--reg-p90-abs",
      defaultValue = "0.25",
      paramLabel = "SEC",
      description =
          "Warn when P90 rises by more than max(--reg-p90-pct x baseline, this "
              + "many seconds) (default: ${DEFAULT-VALUE}).")
  double p90Abs;

  @Option(
      names = "--reg-ppm-pct",
      defaultValue = "0.25",
      paramLabel = "FRAC",
      description =
          "Warn when |ppm| rises by more than max(this share of the baseline, "
              + "--reg-ppm-abs); fail at twice that (default: ${DEFAULT-VALUE}).")
  double ppmPct;

  @Option(
      names = "--reg-ppm-abs",
      defaultValue = "150",
      paramLabel = "PPM",
      description =
          "Warn when |ppm| rises by more than max(--reg-ppm-pct x baseline, this "
              + "many ppm) (default: ${DEFAULT-VALUE}).")
  double ppmAbs;

  @Option(
      names = "--reg-inlier-pct",
      defaultValue = "0.15",
      paramLabel = "FRAC",
      description =
          "Warn when the inlier fraction drops by more than max(this share of the "
              + "baseline, --reg-inlier-abs); fail at twice that (default: "
              + "${DEFAULT-VALUE}).")
  double inlierPct;

  @Option(
      names = "--reg-inlier-abs",
      defaultValue = "0.05",
      paramLabel = "FRAC",
      description =
          "Warn when the inlier fraction drops by more than max(--reg-inlier-pct "
              + "x baseline, this much) (default: ${DEFAULT-VALUE}).")
  double inlierAbs;

  /**
   * @throws UsageException naming the flag that is out of range
   */
  RegressionThresholds thresholds() {
    return UsageException.flagged(
        FLAGS,
        () ->
            new RegressionThresholds(
                    window,
                    RegressionThresholds.MIN_HISTORY,
                    p90Pct,
                    p90Abs,
                    ppmPct,
                    ppmAbs,
                    inlierPct,
                    inlierAbs,
                    RegressionThresholds.DEFAULT.severeMultiplier())
                .validate());
  }

  /** The flag behind each threshold the engine names when it refuses a value. */
  static final Map<String, String> FLAGS =
      Map.of(
          "regression window", "--reg-window",
          "regression p90 pct", "--reg-p90-pct",
          "regression p90 abs", "--reg-p90-abs",
          "regression ppm pct", "--reg-ppm-pct",
          "regression ppm abs", "--reg-ppm-abs",
          "regression inlier pct", "--reg-inlier-pct",
          "regression inlier abs", "--reg-inlier-abs");
}
