package dev.mtbsync.quality;

import dev.mtbsync.io.AtomicFiles;
import dev.mtbsync.io.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code benchmark_quality.csv} and {@code benchmark_quality.json}. */
public final class BenchmarkFiles {

  public static final String CSV = "benchmark_quality.csv";
  public static final String JSON = "benchmark_quality.json";
  public static final String HTML = "benchmark_quality.html";
  public static final int SCHEMA_VERSION = 1;

  private BenchmarkFiles() {}

  /**
   * One row per run, newest first: {@code run_id,modified,ok,strict_ok,ppm,inlier_frac,res_mae,
   * res_p90,n_pairs,coverage,review_markers}, then the chosen perf fields; empty cells where a
   * value is missing.
   */
  public static void writeCsv(Path file, BenchmarkReport r) throws IOException {
    List<String> header =
        new ArrayList<>(
            List.of(
                "run_id",
                "modified",
                "ok",
                "strict_ok",
                "ppm",
                "inlier_frac",
                "res_mae",
                "res_p90",
                "n_pairs",
                "coverage",
                "review_markers"));
    header.addAll(r.fields());
    AtomicFiles.write(
        file,
        temp -> {
          try (BufferedWriter w = Files.newBufferedWriter(temp)) {
            w.write(String.join(",", header));
            w.write('\n');
            for (BenchmarkRow row : r.rows()) {
              List<String> cells = new ArrayList<>();
              cells.add(csv(row.runId()));
              cells.add(row.modified());
              cells.add(String.valueOf(row.ok()));
              cells.add(String.valueOf(row.strictOk()));
              cells.add(cell(row.ppm()));
              cells.add(cell(row.inlierFrac()));
              cells.add(cell(row.resMae()));
              cells.add(cell(row.resP90()));
              cells.add(row.nPairs() == null ? "" : row.nPairs().toString());
              cells.add(cell(row.coverage()));
              cells.add(row.reviewMarkers() == null ? "" : row.reviewMarkers().toString());
              for (String f : r.fields()) {
                cells.add(cell(row.perf().get(f)));
              }
              w.write(String.join(",", cells));
              w.write('\n');
            }
          }
        });
  }

  /**
   * {@code schema_version, generated, root, fields, strict_criteria, summary, histograms, runs,
   * skipped}.
   */
  public static void writeJson(Path file, BenchmarkReport r) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema_version", SCHEMA_VERSION);
    m.put("generated", r.generated());
    m.put("root", r.root().toString());
    m.put("fields", r.fields());
    m.put("strict_criteria", r.criteria());
    m.put("summary", r.summary());
    m.put("histograms", r.histograms());
    m.put("runs", r.rows());
    m.put("skipped", r.skipped());
    Json.write(file, m);
  }

  private static String cell(Double v) {
    if (v == null) {
      return "";
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf(v.longValue()) : v.toString();
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
