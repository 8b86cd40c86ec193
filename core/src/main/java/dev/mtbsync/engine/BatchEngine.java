package dev.mtbsync.engine;

import dev.mtbsync.Progress;
import dev.mtbsync.quality.QualityRecord;
import dev.mtbsync.runs.BatchRow;
import dev.mtbsync.runs.BatchRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Runs a batch somewhere other than this JVM's threads ({@code batch --engine NAME}).
 *
 * <p>DESIGN NOTE: engines are found with {@link ServiceLoader}, so core and the everyday CLI never
 * link against one: the Spark engine lives in its own module and jar ({@code mtbsync-spark.jar}),
 * and the everyday {@code mtbsync.jar} stays as small and quick to start as before.
 *
 * <p>An engine keeps {@link BatchRunner}'s contract: the reference is analysed once, each pair gets
 * one run folder in the root, a failed pair is a {@code failed} row, and the driver (this JVM)
 * writes {@code batch_summary.csv}. As pairs sync in other JVMs, the driver hears of each through
 * its {@link Listener}, with the pair's quality record rather than the whole sync result.
 *
 * <p>This package sits above {@code runs} and {@code quality}: neither depends on it.
 */
public interface BatchEngine {

  /** The name given to {@code --engine}. */
  String name();

  /**
   * Runs the batch.
   *
   * @param config the batch, as for {@link BatchRunner} ({@code jobs} is ignored: the cluster sets
   *     how many pairs run at once)
   * @param master where to run (engine-specific, e.g. {@code local[2]}, {@code spark://host:7077});
   *     null for the engine's default
   * @return one row per video, in name order
   * @throws IllegalArgumentException when the folder holds no video
   * @throws IOException when the reference cannot be analysed (no pair is tried then)
   */
  List<BatchRow> run(BatchRunner.Config config, String master, Listener listener, Progress progress)
      throws IOException;

  /** Hears about each pair, on the driver, as it lands. */
  interface Listener {
    /**
     * Right after a pair synced; returns the regression status for its row ("" when untracked). An
     * exception here fails the pair's row, not the batch.
     *
     * @param record its quality record, null when its warp missed its gates
     */
    default String synced(Path video, QualityRecord record) throws IOException {
      return "";
    }

    /** After each pair's row is settled (done of total pairs finished). */
    default void finished(BatchRow row, int done, int total) {}
  }

  /** The engine of that name on the class path, if any. */
  static Optional<BatchEngine> find(String name) {
    for (BatchEngine e : ServiceLoader.load(BatchEngine.class)) {
      if (e.name().equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
