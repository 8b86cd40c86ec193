package dev.mtbsync.spark;

import dev.mtbsync.Progress;
import dev.mtbsync.engine.BatchEngine;
import dev.mtbsync.runs.BatchRow;
import dev.mtbsync.runs.BatchRunner;
import dev.mtbsync.runs.BatchSummaryCsv;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.CollectionAccumulator;

/**
 * {@code batch --engine spark}: the batch as one Spark job, one task per pair.
 *
 * <p>The driver (this JVM) analyses the reference once into the root's index cache, broadcasts the
 * index file, and hands each worker one pair at a time ({@link PairTask}); the workers write the
 * run folders straight into the root, so the dashboard sees each run as it lands. The driver then
 * judges each run against the quality history and writes {@code batch_summary.csv}.
 *
 * <p>DESIGN NOTE: inputs, reference and root must be at the same path on every worker (a shared
 * filesystem: NFS, a cluster filesystem mounted alike everywhere). Only the index travels through
 * Spark; the videos are read, and the runs written, where they lie.
 */
public final class SparkBatchEngine implements BatchEngine {

  private static final DateTimeFormatter BATCH_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final PairTask.Fault fault;

  /** The engine {@link BatchEngine#find} loads. */
  public SparkBatchEngine() {
    this(PairTask.Fault.NONE);
  }

  /** With a fault injected into every task after its run lands (tests of retries). */
  SparkBatchEngine(PairTask.Fault fault) {
    this.fault = fault;
  }

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public List<BatchRow> run(
      BatchRunner.Config config, String master, BatchEngine.Listener listener, Progress progress)
      throws IOException {
    Path root = config.outRoot();
    List<Path> videos = BatchRunner.videos(config.inputDir(), config.reference());
    if (videos.isEmpty()) {
      throw new IllegalArgumentException(
          config.inputDir()
              + ": no videos ("
              + String.join(", ", BatchRunner.VIDEO_EXTENSIONS)
              + ")");
    }
    Files.createDirectories(root);
    Path index = BatchRunner.indexReference(root, config.reference(), config.refOrb(), progress);
    Path summary = root.resolve(BatchSummaryCsv.NAME);
    BatchSummaryCsv.write(summary, List.of());
    List<PairTask.Pair> pairs = pairs(videos, BATCH_ID.format(Instant.now()));

    SparkConf conf = new SparkConf().setAppName("mtbsync batch");
    if (master != null) {
      conf.setMaster(master);
    }
    conf.setIfMissing("spark.master", "local[*]");
    conf.setIfMissing("spark.ui.enabled", "false"); // a port and a second of start-up, unused here
    shipOwnJar(conf);
    BatchBook book = new BatchBook(videos, listener, summary);
    Thread onCtrlC = new Thread(book::abort, "mtbsync-spark-batch-interrupt");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      Broadcast<byte[]> shipped = sc.broadcast(Files.readAllBytes(index));
      CollectionAccumulator<PairOutcome> landed = sc.sc().collectionAccumulator("landed pairs");
      sc.sc().addSparkListener(new SparkProgress(progress, landed, book, pairs.size()));
      PairTask task =
          new PairTask(
              PairJob.of(config, sc.defaultParallelism()),
              index.getFileName().toString(),
              shipped,
              landed,
              fault);
      // the collected outcomes are the record: any the listener had not booked yet are booked now
      sc.parallelize(pairs, pairs.size()).map(task).collect().forEach(book::landed);
    } catch (RuntimeException jobFailed) {
      book.abort(); // e.g. a pair's task failed on every attempt: the rest are interrupted
      throw jobFailed;
    } finally {
      deleteTree(root.resolve(PairTask.STAGING));
      try {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it writes the summary
      }
    }
    List<BatchRow> rows = book.rows();
    BatchSummaryCsv.write(summary, rows);
    return rows;
  }

  /** One pair per video, each with its run folder's name: the batch's start, then the file. */
  static List<PairTask.Pair> pairs(List<Path> videos, String batchId) {
    Set<String> taken = new HashSet<>();
    List<PairTask.Pair> out = new ArrayList<>();
    for (Path v : videos) {
      String base = batchId + "-" + v.getFileName().toString().replaceAll("[^A-Za-z0-9_-]", "_");
      String id = base;
      for (int n = 2; !taken.add(id); n++) {
        id = base + "-" + n;
      }
      out.add(new PairTask.Pair(v.toAbsolutePath().toString(), id));
    }
    return out;
  }

  /**
   * On a cluster the executors load mtbsync, and JavaCV's FFmpeg and OpenCV natives, from the jar
   * this driver runs from: it goes into {@code spark.jars}, from where every executor fetches it.
   * {@code spark-submit} has put its application jar there already; in-process ({@code local}) the
   * classes are loaded already, and a driver run from a classes folder has no jar to ship.
   */
  static void shipOwnJar(SparkConf conf) {
    if (conf.get("spark.master").startsWith("local") || conf.contains("spark.jars")) {
      return;
    }
    ownJar().ifPresent(jar -> conf.setJars(new String[] {jar.toString()}));
  }

  /** The jar this class was loaded from, if it was loaded from a jar. */
  static Optional<Path> ownJar() {
    try {
      var source = SparkBatchEngine.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path p = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(p) && p.toString().endsWith(".jar")
          ? Optional.of(p.toAbsolutePath())
          : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException | SecurityException notAFile) {
      return Optional.empty();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
