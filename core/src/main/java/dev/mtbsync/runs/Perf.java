package dev.mtbsync.runs;

/**
 * Per-stage timings and resource figures of one run ({@code perf.json}).
 *
 * @param decodeSec decoding and feature extraction of both videos (s, wall)
 * @param retrievalSec coarse retrieval and pair verification (s)
 * @param warpSec warp fit (s)
 * @param markersSec marker transfer (s)
 * @param totalSec whole sync (s)
 * @param framesProcessed frames decoded by this sync (the reference's only when it was not taken
 *     from an index)
 * @param fps frames processed per second of total time
 * @param cpuPct process CPU time over wall time, percent of one core (NaN when unmeasured)
 * @param rssMb peak resident memory of the process during the sync (MB), null when unmeasured
 * @param gpuUtil mean utilisation of the busiest NVIDIA GPU during the sync (percent), null without
 *     NVML or with {@code --no-gpu}
 * @param gpuMemMb peak GPU memory in use, all NVIDIA GPUs (MB), null like {@code gpuUtil}
 */
public record Perf(
    double decodeSec,
    double retrievalSec,
    double warpSec,
    double markersSec,
    double totalSec,
    long framesProcessed,
    double fps,
    double cpuPct,
    Double rssMb,
    Double gpuUtil,
    Double gpuMemMb) {}
