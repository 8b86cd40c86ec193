package dev.mtbsync.server.artefacts;

import dev.mtbsync.runs.BatchRow;
import dev.mtbsync.runs.BatchSummaryCsv;
import dev.mtbsync.server.files.RootPath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    BatchSummaryCsv.Read read = BatchSummaryCsv.read(file);
    List<BatchRow> rows = read.rows();
    List<String> warnings = new ArrayList<>();
    read.skipped().forEach(w -> warnings.add(BatchSummaryCsv.NAME + ":" + w));
    if (read.failure() != null) {
      warnings.add(BatchSummaryCsv.NAME + ": not a CSV file (" + read.failure() + ")");
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
}
