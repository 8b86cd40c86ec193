package dev.mtbsync.quality;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How one run compares with the rolling baseline of the runs before it ({@code regression.json}).
 *
 * @param status ok, warn, fail, or learning (too few runs to gate)
 * @param runId the run judged
 * @param current its metrics by {@link QualityMetric#key()} (|ppm| for ppm)
 * @param baseline the median of each metric over the baseline window; empty without history
 * @param deltas current minus baseline, per metric
 * @param thresholds the thresholds used
 * @param reasons one line per metric that regressed, or why gating is off (learning)
 * @param baselineWindow runs the baseline was taken over
 * @param historySize runs in the history before this one
 */
public record RegressionVerdict(
    Status status,
    String runId,
    Map<String, Double> current,
    Map<String, Double> baseline,
    Map<String, Double> deltas,
    RegressionThresholds thresholds,
    List<String> reasons,
    int baselineWindow,
    int historySize) {

  /** A verdict's status, ordered by severity (learning gates nothing). */
  public enum Status {
    LEARNING,
    OK,
    WARN,
    FAIL;

    /** As written in regression.json and printed. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
