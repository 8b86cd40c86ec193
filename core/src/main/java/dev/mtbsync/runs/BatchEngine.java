package dev.mtbsync.runs;

import dev.mtbsync.Progress;
import java.io.IOException;
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
 * writes {@code batch_summary.csv}. As pairs may sync in other JVMs, the listener hears of each
 * through {@link BatchRunner.Listener#syncedElsewhere}, here, once the pair is done.
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
  List<BatchRow> run(
      BatchRunner.Config config, String master, BatchRunner.Listener listener, Progress progress)
      throws IOException;

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
