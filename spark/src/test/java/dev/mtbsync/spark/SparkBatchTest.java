package dev.mtbsync.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.Progress;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.cli.Main;
import dev.mtbsync.engine.BatchEngine;
import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.match.MatchConfig;
import dev.mtbsync.runs.BatchRow;
import dev.mtbsync.runs.BatchRunner;
import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthRenderer;
import dev.mtbsync.telemetry.TelemetryConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch on Spark in-process (local[2]), against the plain batch over the same folder. */
class SparkBatchTest {

  @TempDir static Path shared;
  static Path pair;
  static Path input;

  @TempDir Path plain;
  @TempDir Path spark;

  /** Attempts of run1.mp4's task seen, for the retry test (local mode: the same JVM). */
  static final AtomicInteger RUN1_ATTEMPTS = new AtomicInteger();

  @BeforeAll
  static void render() throws IOException {
    pair = shared.resolve("pair");
    SynthRenderer.render(new SynthConfig(5, 4, 320, 180, 30, 30), pair, Progress.NONE);
    input = Files.createDirectories(shared.resolve("input"));
    Files.copy(pair.resolve("new.mp4"), input.resolve("run1.mp4"));
    Files.copy(pair.resolve("new.mp4"), input.resolve("run2.MOV"));
    byte[] whole = Files.readAllBytes(pair.resolve("new.mp4"));
    Files.write(input.resolve("broken.mp4"), Arrays.copyOf(whole, whole.length / 4));
    Files.copy(pair.resolve("ref.mp4"), input.resolve("ref.mp4")); // the reference is skipped
  }

  @Test
  void sparkGivesThePlainBatchsRowsMarkersAndHistory() throws IOException {
    String[] common = {
      "batch",
      input.toString(),
      "--reference",
      input.resolve("ref.mp4").toString(),
      "--ref-markers",
      pair.resolve("ref_markers.csv").toString(),
      "--no-gpu",
      "--quiet"
    };
    assertThat(cli(common, "--out-dir", plain.toString(), "--jobs", "2")).isEqualTo(1);
    StringWriter err = new StringWriter();
    int code =
        cli(
            err,
            common,
            "--out-dir",
            spark.toString(),
            "--engine",
            "spark",
            "--master",
            "local[2]");
    assertThat(code).as("a failed pair exits 1, as the plain batch: " + err).isEqualTo(1);

    List<String[]> a = summary(plain);
    List<String[]> b = summary(spark);
    assertThat(b).hasSize(3);
    for (int i = 0; i < 3; i++) {
      // video, status, timewarp_ok, p90, ppm, inlier_frac, regression, error: all but the run id
      // and the timings, which differ from run to run
      assertThat(keep(b.get(i))).isEqualTo(keep(a.get(i)));
    }
    assertThat(b.get(0)[1]).isEqualTo("failed");
    assertThat(b.get(1)[1]).isEqualTo("ok");
    for (int i = 1; i < 3; i++) {
      assertThat(Files.readString(spark.resolve(b.get(i)[2]).resolve("new_markers.csv")))
          .isEqualTo(Files.readString(plain.resolve(a.get(i)[2]).resolve("new_markers.csv")));
    }
    assertThat(runFolders(spark)).hasSize(2);
    assertThat(spark.resolve(PairTask.STAGING)).doesNotExist();
    assertThat(Files.readString(spark.resolve("quality_history.json")))
        .contains("run1.mp4", "run2.MOV");
  }

  @Test
  void aTaskFailingAfterItsRunLandedIsRetriedAndLeavesOneRunFolder() throws IOException {
    RUN1_ATTEMPTS.set(0);
    PairTask.Fault fault =
        (video, attempt) -> {
          if (video.equals("run1.mp4") && RUN1_ATTEMPTS.incrementAndGet() == 1) {
            throw new IllegalStateException("injected: worker lost after the run landed");
          }
        };
    List<String> heard = Collections.synchronizedList(new ArrayList<>());
    BatchEngine.Listener listener =
        new BatchEngine.Listener() {
          @Override
          public void finished(BatchRow row, int done, int total) {
            heard.add(row.video() + " " + done + "/" + total);
          }
        };
    List<BatchRow> rows =
        new SparkBatchEngine(fault).run(config(spark), "local[2,3]", listener, Progress.NONE);

    assertThat(RUN1_ATTEMPTS).as("retried once").hasValue(2);
    assertThat(rows).extracting(BatchRow::status).containsExactly("failed", "ok", "ok");
    assertThat(heard)
        .as("each pair heard of once, as it landed")
        .hasSize(3)
        .filteredOn(s -> s.startsWith("run1.mp4 "))
        .hasSize(1);
    assertThat(Files.readAllLines(spark.resolve("batch_summary.csv"))).hasSize(4);
    assertThat(runFolders(spark))
        .as("one run folder per synced pair, the retry's run dropped")
        .hasSize(2)
        .contains(spark.resolve(rows.get(1).runId()), spark.resolve(rows.get(2).runId()));
  }

  @Test
  void aClusterDriverShipsItsJarUnlessSparkSubmitDidOrSparkRunsInProcess() {
    SparkConf submitted =
        new SparkConf(false).setMaster("spark://head:7077").setJars(new String[] {"/a/app.jar"});
    SparkBatchEngine.shipOwnJar(submitted);
    assertThat(submitted.get("spark.jars")).isEqualTo("/a/app.jar");

    SparkConf local = new SparkConf(false).setMaster("local[2]");
    SparkBatchEngine.shipOwnJar(local);
    assertThat(local.contains("spark.jars")).isFalse();

    // these tests run from target/classes: no jar to ship (SparkStandaloneIT runs the jar's way)
    assertThat(SparkBatchEngine.ownJar()).isEmpty();
    SparkConf cluster = new SparkConf(false).setMaster("spark://head:7077");
    SparkBatchEngine.shipOwnJar(cluster);
    assertThat(cluster.contains("spark.jars")).isFalse();
  }

  private static BatchRunner.Config config(Path root) {
    return new BatchRunner.Config(
        input,
        input.resolve("ref.mp4"),
        pair.resolve("ref_markers.csv"),
        root,
        OrbConfig.DEFAULT,
        new OrbConfig(3, 960, 500, false),
        MatchConfig.defaults(),
        WarpConfig.DEFAULT,
        0.6,
        1,
        TelemetryConfig.NO_GPU);
  }

  private static int cli(String[] common, String... more) {
    return cli(new StringWriter(), common, more);
  }

  private static int cli(StringWriter err, String[] common, String... more) {
    String[] args =
        Stream.concat(Arrays.stream(common), Arrays.stream(more)).toArray(String[]::new);
    return Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
  }

  private static List<String[]> summary(Path root) throws IOException {
    List<String> lines = Files.readAllLines(root.resolve("batch_summary.csv"));
    List<String[]> rows = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      rows.add(l.split(",", -1));
    }
    return rows;
  }

  /** The columns that must match: all but run_id (2) and the stage timings (7 to 11). */
  private static List<String> keep(String[] row) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < row.length; i++) {
      if (i != 2 && (i < 7 || i > 11)) {
        out.add(row[i]);
      }
    }
    return out;
  }

  private static List<Path> runFolders(Path root) throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(Files::isDirectory)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .toList();
    }
  }
}
