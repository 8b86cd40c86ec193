package dev.mtbsync.server.artefacts;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mtbsync.runs.BatchRow;
import dev.mtbsync.runs.BatchSummaryCsv;
import dev.mtbsync.server.files.RootPath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ROOT/batch_summary.csv} read back: one {@link BatchRow} per pair of the last batch. A row
 * that does not parse is skipped with a warning; the others still show.
 *
 * @param present the file exists
 * @param rows the rows, in file order
 * @param warnings one line per problem
 */
public record BatchSummaryView(boolean present, List<BatchRow> rows, List<String> warnings) {

  /** The timing columns, in the order of a sync's stages. */
  public static final List<String> STAGES =
      List.of("decode_sec", "retrieval_sec", "warp_sec", "markers_sec", "total_sec");

  private static final CsvMapper CSV = new CsvMapper();

  public static BatchSummaryView read(RootPath root) {
    Path file;
    try {
      Optional<Path> there = root.artefact(root.root().resolve(BatchSummaryCsv.NAME));
      if (there.isEmpty()) {
        return new BatchSummaryView(false, List.of(), List.of());
      }
      file = there.get();
    } catch (IOException e) {
      return new BatchSummaryView(
          true, List.of(), List.of(BatchSummaryCsv.NAME + ": " + Problems.oneLine(e, root.root())));
    }
    List<BatchRow> rows = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it =
        CSV.readerFor(Map.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(file.toFile())) {
      int line = 1;
      while (it.hasNext()) {
        line++;
        try {
          rows.add(row(it.next()));
        } catch (RuntimeException e) {
          warnings.add(
              BatchSummaryCsv.NAME + ":" + line + ": row skipped (" + e.getMessage() + ")");
        }
      }
    } catch (IOException | RuntimeException e) {
      warnings.add(BatchSummaryCsv.NAME + ": not a CSV file (" + firstLine(e) + ")");
    }
    return new BatchSummaryView(true, List.copyOf(rows), List.copyOf(warnings));
  }

  /** One stage's seconds, row by row (null where a pair has none). */
  public List<Double> stage(String column) {
    return rows.stream()
        .map(
            r ->
                switch (column) {
                  case "decode_sec" -> r.decodeSec();
                  case "retrieval_sec" -> r.retrievalSec();
                  case "warp_sec" -> r.warpSec();
                  case "markers_sec" -> r.markersSec();
                  case "total_sec" -> r.totalSec();
                  default -> throw new IllegalArgumentException("no stage " + column);
                })
        .toList();
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
        num(r, "p90"),
        num(r, "ppm"),
        num(r, "inlier_frac"),
        num(r, "decode_sec"),
        num(r, "retrieval_sec"),
        num(r, "warp_sec"),
        num(r, "markers_sec"),
        num(r, "total_sec"),
        r.getOrDefault("regression", ""),
        r.getOrDefault("error", ""));
  }

  private static Double num(Map<String, String> r, String column) {
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

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    return m.lines().findFirst().orElse(m);
  }
}
