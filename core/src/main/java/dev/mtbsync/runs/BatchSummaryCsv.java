package dev.mtbsync.runs;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mtbsync.io.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

  private static final CsvMapper CSV = new CsvMapper();

  /**
   * A batch_summary.csv as read back.
   *
   * @param rows the rows that could be read, in file order
   * @param skipped one line per row that could not, "LINE: row skipped (WHY)"
   * @param failure why reading stopped (the file is not CSV from some line on, or cannot be read),
   *     the first line of the parser's message; null when it read to the end
   */
  public record Read(List<BatchRow> rows, List<String> skipped, String failure) {}

  private BatchSummaryCsv() {}

  /**
   * Reads a batch_summary.csv by its header's names; a row with a cell that is not what its column
   * holds is skipped and said, the others are kept, and the rows before a line that is not CSV are
   * kept too.
   */
  public static Read read(Path file) {
    List<BatchRow> rows = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it =
        CSV.readerFor(Map.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(file.toFile())) {
      int line = 1;
      while (it.hasNext()) {
        line++;
        try {
          rows.add(row(it.next()));
        } catch (IllegalArgumentException e) {
          skipped.add(line + ": row skipped (" + e.getMessage() + ")");
        }
      }
    } catch (IOException | RuntimeException e) {
      String m = String.valueOf(e.getMessage());
      return new Read(List.copyOf(rows), List.copyOf(skipped), m.lines().findFirst().orElse(m));
    }
    return new Read(List.copyOf(rows), List.copyOf(skipped), null);
  }

  private static BatchRow row(Map<String, String> r) {
    if (!r.containsKey("status") || !r.containsKey("video")) {
      throw new IllegalArgumentException("no video or status column");
    }
    String ok = r.getOrDefault("timewarp_ok", "");
    return new BatchRow(
        r.get("video"),
        r.get("status"),
        blank(r.get("run_id")),
        ok.isBlank() ? null : Boolean.parseBoolean(ok),
        number(r, "p90"),
        number(r, "ppm"),
        number(r, "inlier_frac"),
        number(r, "decode_sec"),
        number(r, "retrieval_sec"),
        number(r, "warp_sec"),
        number(r, "markers_sec"),
        number(r, "total_sec"),
        r.getOrDefault("regression", ""),
        r.getOrDefault("error", ""));
  }

  private static Double number(Map<String, String> r, String column) {
    String v = r.get(column);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " '" + v + "' is not a number");
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

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
