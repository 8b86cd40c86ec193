package dev.mtbsync.quality;

import java.nio.file.Path;
import java.util.List;

/**
 * A quality benchmark over a batch root's run folders.
 *
 * @param root the batch root
 * @param generated when it was made (ISO-8601)
 * @param fields the perf.json fields included, in order
 * @param criteria the strict criteria applied
 * @param rows one per run, newest first
 * @param summary the headline figures
 * @param histograms P90, |ppm| and inlier-fraction distributions
 * @param skipped one line per run folder or file that could not be read (the rest still counts)
 */
public record BenchmarkReport(
    Path root,
    String generated,
    List<String> fields,
    StrictCriteria criteria,
    List<BenchmarkRow> rows,
    BenchmarkSummary summary,
    List<Histogram> histograms,
    List<String> skipped) {}
