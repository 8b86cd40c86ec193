package dev.mtbsync.quality;

import dev.mtbsync.config.ConfigException;

/**
 * What the quality gate judges with.
 *
 * @param preset the threshold set's name (written into quality_gate.json)
 * @param thresholds the thresholds themselves: the preset's, or the caller's for custom
 * @param learningRuns runs the history must hold before a fail fails (1 or more; default {@value
 *     #DEFAULT_LEARNING_RUNS}): below it a fail is reported as {@link GateStatus#WARN_LEARNING}
 */
public record GateConfig(GatePreset preset, RegressionThresholds thresholds, int learningRuns) {

  public static final int DEFAULT_LEARNING_RUNS = 25;

  /**
   * @throws ConfigException naming the parameter that is out of range
   */
  public GateConfig validate() {
    thresholds.validate();
    ConfigException.require(
        learningRuns >= 1, "learning runs", "must be 1 or more, got " + learningRuns);
    return this;
  }
}
