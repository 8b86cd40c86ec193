package dev.mtbsync.cli;

import dev.mtbsync.quality.Benchmark;
import dev.mtbsync.quality.BenchmarkFiles;
import dev.mtbsync.quality.BenchmarkReport;
import dev.mtbsync.quality.BenchmarkRow;
import dev.mtbsync.quality.BenchmarkSummary;
import dev.mtbsync.quality.StrictCriteria;
import dev.mtbsync.server.quality.BenchmarkHtml;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mtbsync benchmark-quality}: warp quality and speed over many run folders. */
@Command(
    name = "benchmark-quality",
    mixinStandardHelpOptions = true,
    description = {
      "Aggregate warp quality and speed over the run folders of a batch root.",
      "",
      "Reads each run folder's timewarp.json (needed), perf.json, run.json and new_markers.csv,"
          + " newest first, marks the runs meeting the strict criteria of sync quality (inlier"
          + " fraction >= 0.5, P90 residual about the warp <= 1.0 s, the warp covering >= 50 % of"
          + " the new run, no marker needing review), and writes benchmark_quality.csv and .json,"
          + " and with --html a self-contained report with charts. Unreadable files are listed"
          + " and skipped."
    },
    footer = {
      "",
      "Exit codes: 0 ok, 2 no run folders found, 1 error.",
      "",
      "Example:",
      "  mtbsync benchmark-quality --root runs --html --limit 500"
    })
final class BenchmarkQualityCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--root",
      required = true,
      paramLabel = "DIR",
      description = "Batch root.",
      converter = PathKinds.InputFolder.class)
  Path root;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where the reports go (default: ROOT/benchmark_out).",
      converter = PathKinds.OutputFolder.class)
  Path out;

  @Option(
      names = "--csv",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Write benchmark_quality.csv (default: on; --no-csv to skip).")
  boolean csv;

  @Option(
      names = "--json",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Write benchmark_quality.json (default: on; --no-json to skip).")
  boolean json;

  @Option(
      names = "--html",
      description = "Also write benchmark_quality.html: KPIs, charts, a sortable table.")
  boolean html;

  @Option(
      names = "--strict",
      description = "List each run that misses the strict criteria, and why.")
  boolean strict;

  @Option(
      names = "--strict-ppm",
      paramLabel = "PPM",
      description =
          "Also ask |ppm| <= PPM of a strict run: the Python tool's rule (it used 500). Off by"
              + " default: riders at their own pace differ by 10 000 ppm and more, which is not a"
              + " sync failure.")
  Double strictPpm;

  @Option(names = "--limit", paramLabel = "N", description = "Only the newest N runs.")
  Integer limit;

  @Option(
      names = "--pattern",
      paramLabel = "GLOB",
      description =
          "Only run folders whose name or path under the root matches, e.g. '2025*' or"
              + " 'pairA/*'. Runs are found at any depth (sync --root ROOT/pairA).")
  String pattern;

  @Option(
      names = "--fields",
      split = ",",
      paramLabel = "FIELD",
      description =
          "perf.json fields to include (default: fps,cpu_pct,gpu_util,gpu_mem_mb,rss_mb).")
  List<String> fields = Benchmark.DEFAULT_FIELDS;

  @Override
  public Integer call() throws Exception {
    Benchmark.Options options =
        UsageException.flagged(
            Map.of("strict ppm", "--strict-ppm"),
            () ->
                new Benchmark.Options(
                        pattern, limit, fields, StrictCriteria.DEFAULT.withMaxPpm(strictPpm))
                    .validate());
    BenchmarkReport r = Benchmark.run(root, options);
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!common.quiet) {
      r.skipped().forEach(s -> err.println("mtbsync: warning: " + s));
    }
    if (r.rows().isEmpty()) {
      err.println(
          "mtbsync: no run folders in "
              + root
              + (pattern == null ? "" : " matching '" + pattern + "'")
              + " (folders with a timewarp.json)");
      return ExitCodes.USAGE;
    }
    Path dir = out != null ? out : root.resolve("benchmark_out");
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    if (csv) {
      written.add(dir.resolve(BenchmarkFiles.CSV));
      BenchmarkFiles.writeCsv(written.get(written.size() - 1), r);
    }
    if (json) {
      written.add(dir.resolve(BenchmarkFiles.JSON));
      BenchmarkFiles.writeJson(written.get(written.size() - 1), r);
    }
    if (html) {
      written.add(dir.resolve(BenchmarkFiles.HTML));
      BenchmarkHtml.write(written.get(written.size() - 1), r);
    }
    if (common.quiet) {
      return ExitCodes.OK;
    }
    BenchmarkSummary s = r.summary();
    o.println("Benchmark Summary");
    o.printf(Locale.ROOT, "Total runs: %d%n", s.total());
    o.printf(Locale.ROOT, "OK: %d (%.1f%%)%n", s.ok(), s.okPct());
    o.printf(Locale.ROOT, "Strict OK: %d (%.1f%%)%n", s.strictOk(), s.strictOkPct());
    o.println(
        "Mean P90: "
            + (s.meanP90() == null ? "-" : String.format(Locale.ROOT, "%.3fs", s.meanP90())));
    o.println(
        "Mean PPM: "
            + (s.meanPpm() == null ? "-" : String.format(Locale.ROOT, "%.0f", s.meanPpm())));
    if (strict) {
      strictFailures(o, r);
    }
    if (!written.isEmpty()) {
      o.println("Outputs:");
      for (Path p : written) {
        String name = p.getFileName().toString();
        o.printf(
            "  %s: %s%n", name.substring(name.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT), p);
      }
    }
    return ExitCodes.OK;
  }

  private static void strictFailures(PrintWriter o, BenchmarkReport r) {
    o.println("Strict criteria: " + r.criteria().describe());
    for (BenchmarkRow row : r.rows()) {
      if (!row.strictOk()) {
        o.printf("  not strict: %s (%s)%n", row.runId(), String.join(", ", row.strictMisses()));
      }
    }
  }
}
