package dev.mtbsync.spark;

import dev.mtbsync.Progress;
import java.util.List;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.util.CollectionAccumulator;

/**
 * Follows the job on the driver: books each pair as its task ends and reports pairs done, failed
 * and running as one progress stage ({@code spark: 3 done (1 failed), 2 running}).
 *
 * <p>Each task adds its outcome to {@code landed}; Spark merges a successful result task's update
 * into the driver's copy once (a retried or speculative attempt's update is not merged twice), and
 * before it posts the task's end, so every end finds the outcomes landed so far. Listener events
 * arrive on Spark's listener thread, in order.
 */
final class SparkProgress extends SparkListener {

  private final Progress progress;
  private final CollectionAccumulator<PairOutcome> landed;
  private final BatchBook book;
  private final int total;
  private int running;
  private int seen;
  private int done;
  private int failed;

  SparkProgress(
      Progress progress, CollectionAccumulator<PairOutcome> landed, BatchBook book, int total) {
    this.progress = progress;
    this.landed = landed;
    this.book = book;
    this.total = total;
  }

  @Override
  public synchronized void onTaskStart(SparkListenerTaskStart start) {
    running++;
    report();
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
    running = Math.max(0, running - 1);
    List<PairOutcome> all = landed.value();
    for (; seen < all.size(); seen++) {
      PairOutcome o = all.get(seen);
      done++;
      if (o.row().status().equals(dev.mtbsync.runs.BatchRow.FAILED)) {
        failed++;
      }
      book.landed(o);
    }
    report();
  }

  private void report() {
    progress.update(
        "spark: " + done + " done (" + failed + " failed), " + running + " running", done, total);
  }
}
