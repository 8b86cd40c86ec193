package dev.mtbsync.runs;

import dev.mtbsync.io.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code ROOT/batch_summary.csv}: one row per pair of the last batch, {@code
 * video,status,run_id,timewarp_ok,p90,ppm,inlier_frac,decode_sec,retrieval_sec,warp_sec,markers_sec,total_sec,regression,error};
 * empty cells where a value does not apply.
 */
public final class BatchSummaryCsv {

  public static final String NAME = "batch_summary.csv";

  static final String HEADER =
      "video,status,run_id,timewarp_ok,p90,ppm,inlier_frac,decode_sec,retrieval_sec,warp_sec,"
          + "markers_sec,total_sec,regression,error";

  private BatchSummaryCsv() {}

  /** Replaces the summary atomically: a reader sees the old rows or the new, never half. */
  public static void write(Path file, List<BatchRow> rows) throws IOException {
    AtomicFiles.write(
        file,
        temp -> {
          try (BufferedWriter w = Files.newBufferedWriter(temp)) {
            w.write(HEADER);
            w.write('\n');
            for (BatchRow r : rows) {
              w.write(
                  String.join(
                      ",",
                      text(r.video()),
                      r.status(),
                      text(r.runId()),
                      r.timewarpOk() == null ? "" : r.timewarpOk().toString(),
                      num(r.p90(), "%.6f"),
                      num(r.ppm(), "%.1f"),
                      num(r.inlierFrac(), "%.4f"),
                      num(r.decodeSec(), "%.3f"),
                      num(r.retrievalSec(), "%.3f"),
                      num(r.warpSec(), "%.3f"),
                      num(r.markersSec(), "%.3f"),
                      num(r.totalSec(), "%.3f"),
                      text(r.regression()),
                      text(r.error())));
              w.write('\n');
            }
          }
        });
  }

  private static String num(Double v, String format) {
    return v == null || !Double.isFinite(v) ? "" : String.format(Locale.ROOT, format, v);
  }

  /** A text cell, quoted when it holds a comma, quote or line break. */
  private static String text(String s) {
    if (s == null) {
      return "";
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
