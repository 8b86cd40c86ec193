package dev.mtbsync.telemetry;

import dev.mtbsync.config.ConfigException;
import java.io.Serializable;

/**
 * How a sync samples its resource use.
 *
 * @param gpu probe NVIDIA GPUs through NVML (false: {@code --no-gpu}, the GPU fields stay null)
 * @param intervalMs time between samples of RSS and GPU use (ms, 50 to 60000)
 * @param stopWaitMs the longest a finishing sync waits for the last sample (ms, 0 to 5000); a probe
 *     that takes longer is abandoned and its figures are null
 */
public record TelemetryConfig(boolean gpu, long intervalMs, long stopWaitMs)
    implements Serializable { // shipped to Spark workers

  /** GPU probed, a sample every half second, at most 250 ms of waiting at the end. */
  public static final TelemetryConfig DEFAULT = new TelemetryConfig(true, 500, 250);

  /** The default without the GPU probe. */
  public static final TelemetryConfig NO_GPU = new TelemetryConfig(false, 500, 250);

  public static TelemetryConfig of(boolean gpu) {
    return gpu ? DEFAULT : NO_GPU;
  }

  /**
   * @throws ConfigException naming the parameter that is out of range
   */
  public TelemetryConfig validate() {
    ConfigException.require(
        intervalMs >= 50 && intervalMs <= 60_000,
        "telemetry interval",
        "must be 50 to 60000 ms, got " + intervalMs);
    ConfigException.require(
        stopWaitMs >= 0 && stopWaitMs <= 5_000,
        "telemetry stop wait",
        "must be 0 to 5000 ms, got " + stopWaitMs);
    return this;
  }
}
