package dev.mtbsync.spark;

import dev.mtbsync.Progress;
import dev.mtbsync.quality.QualityRecord;
import dev.mtbsync.runs.BatchRow;
import dev.mtbsync.runs.BatchRunner;
import dev.mtbsync.runs.SyncPipeline;
import dev.mtbsync.runs.SyncRequest;
import dev.mtbsync.runs.SyncResult;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.CollectionAccumulator;

/**
 * Syncs one pair on a worker, through the same {@link SyncPipeline} as the plain batch.
 *
 * <p>Idempotent per pair: the driver names each pair's run folder ({@link Pair#runId}); an attempt
 * syncs into a staging folder of its own under {@code ROOT/.spark-staging/} (hidden, so the
 * dashboard ignores it) and then moves the finished run into place atomically. When an earlier
 * attempt of the same pair got there first (a task retried after its run landed, or a speculative
 * copy), this attempt's run is dropped: one pair, one run folder, whatever Spark retries.
 *
 * <p>A pair that fails (an unreadable video, a missing file) is a {@code failed} row, not a task
 * failure, so Spark does not retry it and the batch goes on.
 */
final class PairTask implements Function<PairTask.Pair, PairOutcome> {

  private static final long serialVersionUID = 1L;

  /** Hidden folder of the root where attempts are written before they land. */
  static final String STAGING = ".spark-staging";

  /** One pair to sync: the new run's video and the name of its run folder, both as strings. */
  record Pair(String video, String runId) implements Serializable {}

  /** Test seam: runs after a pair's run folder landed; throwing fails the task attempt. */
  interface Fault extends Serializable {
    Fault NONE = (video, attempt) -> {};

    void afterLanding(String video, int attempt) throws Exception;
  }

  private final PairJob job;
  private final String indexName;
  private final Broadcast<byte[]> index;
  private final CollectionAccumulator<PairOutcome> landed;
  private final Fault fault;

  /**
   * @param job what every pair shares
   * @param indexName the reference index file's name (its cache key)
   * @param index the index file's bytes
   * @param landed each outcome, sent to the driver as the task ends (rows live)
   * @param fault test seam ({@link Fault#NONE})
   */
  PairTask(
      PairJob job,
      String indexName,
      Broadcast<byte[]> index,
      CollectionAccumulator<PairOutcome> landed,
      Fault fault) {
    this.job = job;
    this.indexName = indexName;
    this.index = index;
    this.landed = landed;
    this.fault = fault;
  }

  @Override
  public PairOutcome call(Pair pair) throws Exception {
    TaskContext task = TaskContext.get();
    int attempt = task == null ? 0 : task.attemptNumber();
    Path video = Path.of(pair.video());
    Path root = job.rootPath();
    Path stage =
        root.resolve(STAGING)
            .resolve(pair.runId() + ".attempt-" + (task == null ? 0 : task.taskAttemptId()));
    PairOutcome out;
    try {
      SyncResult r =
          SyncPipeline.run(
              new SyncRequest(
                  job.referencePath(),
                  video,
                  ShippedIndex.local(indexName, index),
                  job.refMarkersPath(),
                  stage,
                  job.refOrb(),
                  job.newOrb(),
                  job.match(),
                  job.warp(),
                  job.reviewThreshold()),
              Progress.NONE,
              job.telemetry(),
              pair.runId());
      land(r.runDir(), root.resolve(pair.runId()));
      QualityRecord q = r.trackable() ? QualityRecord.of(r, video.getFileName().toString()) : null;
      out = new PairOutcome(BatchRow.synced(video, r, ""), q);
    } catch (IOException | RuntimeException e) {
      out = new PairOutcome(BatchRow.failed(video, BatchRunner.message(e)), null);
    } finally {
      deleteTree(stage);
    }
    fault.afterLanding(video.getFileName().toString(), attempt);
    landed.add(out);
    return out;
  }

  /** Moves a finished run into place, unless an earlier attempt's run is already there. */
  private static void land(Path run, Path target) throws IOException {
    try {
      Files.move(run, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException landed) {
      // an earlier attempt of this pair landed first: its run stands, this one is dropped
    } catch (IOException e) {
      if (!Files.isDirectory(target)) {
        throw e;
      }
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
