package dev.mtbsync.quality;

import java.util.Map;

/**
 * The headline figures of a quality benchmark.
 *
 * @param total runs read
 * @param ok runs whose warp passed their sync's gates
 * @param okPct ok over total (percent; 0 without runs)
 * @param strictOk runs meeting the strict criteria
 * @param strictOkPct strictOk over total (percent)
 * @param meanP90 mean P90 residual over runs with a fit (s), null without
 * @param medianP90 median of the same (s)
 * @param meanPpm mean |ppm| over runs with a fit, null without
 * @param meanInlierFrac mean inlier fraction over runs with a fit
 * @param perfMeans mean of each chosen perf field over the runs that have it (null: none has)
 */
public record BenchmarkSummary(
    int total,
    int ok,
    double okPct,
    int strictOk,
    double strictOkPct,
    Double meanP90,
    Double medianP90,
    Double meanPpm,
    Double meanInlierFrac,
    Map<String, Double> perfMeans) {}
