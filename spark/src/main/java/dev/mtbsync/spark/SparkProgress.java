package dev.mtbsync.spark;

import dev.mtbsync.Progress;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.util.LongAccumulator;

/**
 * Pairs done, failed and running, from Spark's task events, reported on the driver as one progress
 * stage ({@code spark: 3 done (1 failed), 2 running}).
 *
 * <p>A pair that failed is a task that succeeded with a failed row; its worker counts it in {@code
 * failedPairs}, which Spark merges into the driver's copy before it posts the task's end. A task
 * attempt that failed (and is retried) counts as neither done nor failed.
 */
final class SparkProgress extends SparkListener {

  private final Progress progress;
  private final LongAccumulator failedPairs;
  private final int total;
  private int running;
  private int done;

  SparkProgress(Progress progress, LongAccumulator failedPairs, int total) {
    this.progress = progress;
    this.failedPairs = failedPairs;
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
    if (end.taskInfo().successful()) {
      done++;
    }
    report();
  }

  private void report() {
    progress.update(
        "spark: " + done + " done (" + failedPairs.value() + " failed), " + running + " running",
        done,
        total);
  }
}
