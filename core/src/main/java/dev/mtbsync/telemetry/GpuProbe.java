package dev.mtbsync.telemetry;

/**
 * Reads the current use of the machine's GPUs. Implementations answer null rather than throw when
 * the GPU cannot be read.
 */
public interface GpuProbe {

  /**
   * One reading of all GPUs together.
   *
   * @param utilPct utilisation of the busiest GPU over the driver's last sample period (percent),
   *     null when unreadable
   * @param memUsedMb memory in use on all GPUs (MB, 10^6 bytes), null when unreadable
   */
  record Reading(Double utilPct, Double memUsedMb) {}

  /** The current reading, or null when there is none. */
  Reading read();

  /** A probe that never has a reading (no GPU, or {@code --no-gpu}). */
  GpuProbe NONE = () -> null;
}
