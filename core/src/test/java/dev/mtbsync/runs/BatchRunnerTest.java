package dev.mtbsync.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtbsync.Progress;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.config.ConfigException;
import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.match.MatchConfig;
import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthRenderer;
import dev.mtbsync.telemetry.TelemetryConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches over a folder of rendered runs with one corrupt video among them. */
class BatchRunnerTest {

  @TempDir static Path shared;
  static Path pair;
  static Path input;

  @TempDir Path root;

  @BeforeAll
  static void render() throws IOException {
    pair = shared.resolve("pair");
    SynthRenderer.render(new SynthConfig(5, 6, 320, 180, 30, 30), pair, Progress.NONE);
    input = Files.createDirectories(shared.resolve("input"));
    Files.copy(pair.resolve("new.mp4"), input.resolve("run1.mp4"));
    Files.copy(pair.resolve("new.mp4"), input.resolve("run2.MOV"));
    byte[] whole = Files.readAllBytes(pair.resolve("new.mp4"));
    Files.write(input.resolve("broken.mp4"), java.util.Arrays.copyOf(whole, whole.length / 4));
    Files.writeString(input.resolve("notes.txt"), "not a video");
    Files.copy(pair.resolve("ref.mp4"), input.resolve("ref.mp4")); // the reference is skipped
  }

  private BatchRunner.Config config(int jobs) {
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
        jobs,
        TelemetryConfig.NO_GPU);
  }

  @Test
  void aCorruptVideoFailsItsRowAndTheBatchGoesOn() throws IOException {
    List<String> heard = Collections.synchronizedList(new ArrayList<>());
    BatchRunner.Listener listener =
        new BatchRunner.Listener() {
          @Override
          public String synced(Path video, SyncResult result) {
            return "learning";
          }

          @Override
          public void finished(BatchRow row, int done, int total) {
            heard.add(row.video() + " " + done + "/" + total);
          }
        };
    List<BatchRow> rows = new BatchRunner(config(2), listener).run(Progress.NONE);

    assertThat(rows)
        .extracting(BatchRow::video)
        .containsExactly("broken.mp4", "run1.mp4", "run2.MOV");
    assertThat(rows).extracting(BatchRow::status).containsExactly("failed", "ok", "ok");
    assertThat(rows.get(0).error())
        .startsWith(input.resolve("broken.mp4") + ": truncated: the file stops before its index");
    assertThat(rows.get(0).runId()).isNull();
    assertThat(heard).hasSize(3).anyMatch(s -> s.endsWith(" 3/3"));
    for (BatchRow ok : rows.subList(1, 3)) {
      assertThat(ok.timewarpOk()).isTrue();
      assertThat(ok.regression()).isEqualTo("learning");
      assertThat(ok.p90()).isLessThan(0.5);
      Path run = root.resolve(ok.runId());
      assertThat(run.resolve("new_markers.csv")).exists();
      PerfFile.Entry perf = PerfFile.read(run.resolve("perf.json"));
      assertThat(perf.figures().get("frames_processed"))
          .as("the reference came from the index: only the new run's frames were decoded")
          .isLessThan(260.0);
      assertThat(perf.figures().get("rss_mb")).isPositive();
      assertThat(perf.figures().get("gpu_util")).as("--no-gpu").isNull();
    }
    try (var cache = Files.list(root.resolve(".index-cache"))) {
      assertThat(cache.filter(p -> p.toString().endsWith(".mtbidx")))
          .as("one analysis of the reference")
          .hasSize(1);
    }
    List<String> csv = Files.readAllLines(root.resolve("batch_summary.csv"));
    assertThat(csv.get(0)).isEqualTo(BatchSummaryCsv.HEADER);
    assertThat(csv.subList(1, csv.size()))
        .hasSize(3)
        .satisfiesExactly(
            l -> assertThat(l).startsWith("broken.mp4,failed,,,").contains("truncated"),
            l ->
                assertThat(l)
                    .startsWith("run1.mp4,ok," + rows.get(1).runId() + ",true,")
                    .endsWith(",learning,"),
            l -> assertThat(l).startsWith("run2.MOV,ok," + rows.get(2).runId() + ",true,"));
  }

  @Test
  void anAbortFreezesTheSummaryWithTheUnfinishedPairsInterrupted() throws IOException {
    BatchRunner[] runner = new BatchRunner[1];
    runner[0] =
        new BatchRunner(
            config(1),
            new BatchRunner.Listener() {
              @Override
              public void finished(BatchRow row, int done, int total) {
                runner[0].abort(); // as a Ctrl-C after the first pair
              }
            });
    List<BatchRow> rows = runner[0].run(Progress.NONE);
    assertThat(rows)
        .extracting(BatchRow::status)
        .containsExactly("failed", "interrupted", "interrupted");
    List<String> csv = Files.readAllLines(root.resolve("batch_summary.csv"));
    assertThat(csv).hasSize(4);
    assertThat(csv.get(2)).isEqualTo("run1.mp4,interrupted,,,,,,,,,,,,");
    try (var runs = Files.list(root)) {
      assertThat(runs.filter(p -> !p.getFileName().toString().startsWith(".")))
          .containsExactly(root.resolve("batch_summary.csv"));
    }
  }

  @Test
  void aFolderWithoutVideosIsAUsageError() throws IOException {
    Path empty = Files.createDirectories(root.resolve("empty"));
    BatchRunner.Config c = config(1);
    BatchRunner.Config none =
        new BatchRunner.Config(
            empty,
            c.reference(),
            null,
            root,
            c.refOrb(),
            c.newOrb(),
            c.match(),
            c.warp(),
            0.6,
            1,
            c.telemetry());
    assertThatThrownBy(
            () -> new BatchRunner(none, new BatchRunner.Listener() {}).run(Progress.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(empty + ": no videos (");
    assertThatThrownBy(() -> config(0).validate())
        .isInstanceOf(ConfigException.class)
        .hasMessage("jobs must be 1 to 16, got 0");
  }
}
