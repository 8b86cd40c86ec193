package dev.mtbsync.quality;

import java.nio.file.Path;
import java.util.List;

/**
 * One run of the quality gate (what quality_gate.json and quality_gate.txt hold).
 *
 * @param status the answer CI acts on
 * @param timestamp when the gate ran (ISO-8601, UTC)
 * @param root the batch root judged
 * @param config the preset, thresholds and learning window used
 * @param historySize usable records in the history, the judged run included (0 without one)
 * @param verdict the newest run against its baseline; null on ERROR or without history
 * @param message one line on why: the error, the missing data, or the learning mode; else null
 * @param problems records of the history that were skipped, one line each
 */
public record GateResult(
    GateStatus status,
    String timestamp,
    Path root,
    GateConfig config,
    int historySize,
    RegressionVerdict verdict,
    String message,
    List<String> problems) {

  /**
   * Whether the run was judged with a history shorter than the learning window, so that a fail is
   * softened to a warning.
   */
  public boolean learningMode() {
    return verdict != null
        && verdict.status() != RegressionVerdict.Status.LEARNING
        && historySize < config.learningRuns();
  }
}
