package dev.mtbsync.quality;

import java.util.Map;

/**
 * One run folder in a quality benchmark.
 *
 * @param runId the run folder's path under the root ({@code pairA/RUN} for a nested run)
 * @param modified the folder's modification time (ISO-8601)
 * @param ok the warp passed the gates of its sync ({@code timewarp.json} "ok")
 * @param strictOk it meets {@link StrictCriteria#DEFAULT}
 * @param ppm average speed drift, signed, null without a fit
 * @param inlierFrac share of pairs supporting the warp
 * @param resMae mean absolute residual (s)
 * @param resP90 P90 residual (s)
 * @param nPairs pairs the warp was fitted to
 * @param perf the chosen perf.json fields; null values where absent or unreadable
 */
public record BenchmarkRow(
    String runId,
    String modified,
    boolean ok,
    boolean strictOk,
    Double ppm,
    Double inlierFrac,
    Double resMae,
    Double resP90,
    Integer nPairs,
    Map<String, Double> perf) {}
