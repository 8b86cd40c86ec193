package dev.mtbsync.quality;

import java.util.Map;

/**
 * One run folder in a quality benchmark.
 *
 * @param runId the run folder's path under the root ({@code pairA/RUN} for a nested run)
 * @param modified the folder's modification time (ISO-8601)
 * @param ok the warp passed the gates of its sync ({@code timewarp.json} "ok")
 * @param strictOk it meets the report's {@link StrictCriteria}
 * @param ppm average speed drift, signed, null without a fit
 * @param inlierFrac share of pairs supporting the warp
 * @param resMae mean absolute residual (s)
 * @param resP90 P90 residual (s)
 * @param nPairs pairs the warp was fitted to
 * @param coverage share of the new run's decoded length the warp covers (0 to 1), null when
 *     run.json does not give the length
 * @param reviewMarkers markers of {@code new_markers.csv} flagged {@code needs_review} (0 without
 *     markers), null when the file cannot be read
 * @param strictMisses why the run is not strict ok, one phrase each; empty when it is
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
    Double coverage,
    Integer reviewMarkers,
    java.util.List<String> strictMisses,
    Map<String, Double> perf) {}
