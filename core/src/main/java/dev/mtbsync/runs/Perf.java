package dev.mtbsync.runs;

/**
 * Per-stage timings and resource figures of one run ({@code perf.json}).
 *
 * @param decodeSec decoding and feature extraction of both videos (s, wall)
 * @param retrievalSec coarse retrieval and pair verification (s)
 * @param warpSec warp fit (s)
 * @param markersSec marker transfer (s)
 * @param totalSec whole sync (s)
 * @param framesProcessed frames decoded, both videos
 * @param fps frames processed per second of total time
 * @param cpuPct process CPU time over wall time, percent of one core
 */
public record Perf(
    double decodeSec,
    double retrievalSec,
    double warpSec,
    double markersSec,
    double totalSec,
    long framesProcessed,
    double fps,
    double cpuPct) {}
