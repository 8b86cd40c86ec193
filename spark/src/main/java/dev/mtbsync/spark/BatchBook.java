package dev.mtbsync.spark;

import dev.mtbsync.engine.BatchEngine;
import dev.mtbsync.runs.BatchRow;
import dev.mtbsync.runs.BatchRunner;
import dev.mtbsync.runs.BatchSummaryCsv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The driver's book of a batch on Spark: each pair's row as it lands, judged against the quality
 * history, and {@code batch_summary.csv} rewritten after each, as the plain batch does; {@link
 * #abort()}, for a shutdown hook, freezes it with the unfinished pairs {@code interrupted}.
 *
 * <p>A pair is booked once, however often Spark ran it: a later outcome of a booked pair is
 * ignored.
 */
final class BatchBook {

  private final List<Path> videos;
  private final Map<String, Integer> index = new HashMap<>();
  private final BatchEngine.Listener listener;
  private final Path summary;
  private final BatchRow[] rows;
  private int done;
  private boolean frozen;

  BatchBook(List<Path> videos, BatchEngine.Listener listener, Path summary) {
    this.videos = List.copyOf(videos);
    for (int i = 0; i < videos.size(); i++) {
      index.put(videos.get(i).getFileName().toString(), i);
    }
    this.listener = listener;
    this.summary = summary;
    this.rows = new BatchRow[videos.size()];
  }

  /** Books a pair's outcome, unless it is booked already or the book is frozen. */
  synchronized void landed(PairOutcome o) {
    Integer i = index.get(o.row().video());
    if (frozen || i == null || rows[i] != null) {
      return;
    }
    BatchRow row = judged(o, videos.get(i));
    rows[i] = row;
    done++;
    List<BatchRow> finished = new ArrayList<>();
    for (BatchRow b : rows) {
      if (b != null) {
        finished.add(b);
      }
    }
    try {
      BatchSummaryCsv.write(summary, finished);
    } catch (IOException e) {
      // written again after the next pair, and at the end
    }
    listener.finished(row, done, rows.length);
  }

  /** Every pair's row in name order, {@code interrupted} where none landed. */
  synchronized List<BatchRow> rows() {
    List<BatchRow> all = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      all.add(rows[i] != null ? rows[i] : BatchRow.interrupted(videos.get(i)));
    }
    return List.copyOf(all);
  }

  /** Writes the summary with every row; idempotent, and nothing is booked after it. */
  synchronized void abort() {
    if (frozen) {
      return;
    }
    frozen = true;
    try {
      BatchSummaryCsv.write(summary, rows());
    } catch (IOException e) {
      // the last complete summary stays in place
    }
  }

  /** The row with the quality history's verdict, judged here on the driver. */
  private BatchRow judged(PairOutcome o, Path video) {
    BatchRow r = o.row();
    if (!r.status().equals(BatchRow.OK)) {
      return r;
    }
    String verdict;
    try {
      verdict = listener.synced(video, o.quality());
    } catch (IOException | RuntimeException e) {
      verdict = "error: " + BatchRunner.message(e);
    }
    return new BatchRow(
        r.video(),
        r.status(),
        r.runId(),
        r.timewarpOk(),
        r.p90(),
        r.ppm(),
        r.inlierFrac(),
        r.decodeSec(),
        r.retrievalSec(),
        r.warpSec(),
        r.markersSec(),
        r.totalSec(),
        verdict == null ? "" : verdict,
        r.error());
  }
}
