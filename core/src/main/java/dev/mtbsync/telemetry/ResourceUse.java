package dev.mtbsync.telemetry;

/**
 * What a process used while a piece of work ran; null where it could not be measured.
 *
 * @param cpuPct process CPU time over wall time (percent of one core: 200 is two busy cores)
 * @param rssMb largest resident set size seen (MB, 10^6 bytes)
 * @param gpuUtil mean utilisation of the busiest NVIDIA GPU over the samples (percent)
 * @param gpuMemMb largest GPU memory in use seen, all NVIDIA GPUs together (MB)
 */
public record ResourceUse(Double cpuPct, Double rssMb, Double gpuUtil, Double gpuMemMb) {

  /** Nothing measured. */
  public static final ResourceUse UNKNOWN = new ResourceUse(null, null, null, null);
}
