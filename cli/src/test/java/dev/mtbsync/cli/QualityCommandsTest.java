package dev.mtbsync.cli;

import static dev.mtbsync.cli.MainTest.mtbsync;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.Progress;
import dev.mtbsync.cli.MainTest.Run;
import dev.mtbsync.quality.QualityHistory;
import dev.mtbsync.quality.QualityRecord;
import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** batch, quality-check, benchmark-quality, prune-perf and the regression flags of sync. */
class QualityCommandsTest {

  @TempDir static Path shared;
  static Path pair;

  @TempDir Path root;

  @BeforeAll
  static void render() throws IOException {
    pair = shared.resolve("pair");
    SynthRenderer.render(new SynthConfig(5, 6, 320, 180, 30, 30), pair, Progress.NONE);
  }

  /** A history of {@code n} steady runs (P90 1.0 s, 200 ppm, inliers 0.8), then {@code last}. */
  private void history(int n, String last) throws IOException {
    StringBuilder s = new StringBuilder("{\"schema_version\":1,\"records\":[");
    for (int i = 0; i < n; i++) {
      s.append(
          String.format(
              Locale.ROOT,
              "{\"run_id\":\"r%d\",\"p90_sec\":1.0,\"ppm\":200,\"inlier_frac\":0.8},",
              i));
    }
    Files.writeString(root.resolve("quality_history.json"), s.append(last).append("]}"));
  }

  private static String rec(double p90, double ppm, double inlier) {
    return String.format(
        Locale.ROOT,
        "{\"run_id\":\"now\",\"p90_sec\":%s,\"ppm\":%s,\"inlier_frac\":%s}",
        p90,
        ppm,
        inlier);
  }

  private Run check(String... extra) {
    String[] args = new String[extra.length + 3];
    args[0] = "quality-check";
    args[1] = "--root";
    args[2] = root.toString();
    System.arraycopy(extra, 0, args, 3, extra.length);
    return mtbsync(args);
  }

  @Test
  void qualityCheckExitsByStatus() throws IOException {
    history(20, rec(1.0, 200, 0.8));
    Run ok = check();
    assertThat(ok.code()).as(ok.err()).isEqualTo(ExitCodes.OK);
    assertThat(ok.out())
        .startsWith("Regression status: OK\n")
        .contains("P90 (s)           1.000      1.000   +0.000 (+0.0%)")
        .contains("Baseline window: 20 runs (20 in history before this one)", "Run ID: now");

    history(20, rec(1.3, 200, 0.8)); // +0.30 s over a 0.25 s limit
    Run warn = check();
    assertThat(warn.code()).isEqualTo(ExitCodes.QUALITY_WARN);
    assertThat(warn.out()).contains("-> P90 regression: 1.300 s vs baseline 1.000 s (+30.0%)");

    history(20, rec(1.0, 200, 0.55)); // -0.25 over a 0.12 limit: more than twice
    Run fail = check("--fail-on-regression");
    assertThat(fail.code()).isEqualTo(ExitCodes.QUALITY_FAIL);
    assertThat(fail.out())
        .startsWith("Regression status: FAIL")
        .contains("Inlier fraction regression (severe)");

    // a looser threshold turns the same history into a pass
    assertThat(check("--reg-p90-pct", "0.5").code()).isEqualTo(ExitCodes.QUALITY_FAIL);
    history(20, rec(1.3, 200, 0.8));
    assertThat(check("--reg-p90-pct", "0.5").code()).isEqualTo(ExitCodes.OK);
    assertThat(check("--window", "5", "--reg-p90-abs", "0.29").code())
        .isEqualTo(ExitCodes.QUALITY_WARN);
  }

  @Test
  void qualityCheckLearnsBelowTenRunsAndSaysSoAsJson() throws IOException {
    history(9, rec(9.0, 90000, 0.1));
    Run run = check("--json");
    assertThat(run.code()).isEqualTo(ExitCodes.OK);
    assertThat(run.out().lines()).hasSize(1);
    assertThat(run.out())
        .startsWith("{\"schema_version\":1,\"status\":\"learning\",\"run_id\":\"now\"")
        .contains(
            "\"history_size\":9",
            "\"reasons\":[\"learning: 9 runs in history, 10 needed before gating\"]");
  }

  @Test
  void qualityCheckWithoutHistoryOrWithABrokenOneSaysWhy() throws IOException {
    Run none = check();
    assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(none.err())
        .isEqualTo("mtbsync: no quality history in " + root + " (sync or batch into it first)\n");

    Files.writeString(root.resolve("quality_history.json"), "[{\"run_id\": \"a\", ");
    Run broken = check();
    assertThat(broken.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(broken.err())
        .startsWith("mtbsync: " + root.resolve("quality_history.json") + ": not a JSON file (");
    assertThat(broken.err().lines()).hasSize(1);

    history(12, "{\"run_id\":\"now\",\"p90_sec\":\"slow\"}, " + rec(1.0, 200, 0.8));
    Run skipped = check();
    assertThat(skipped.code()).isEqualTo(ExitCodes.OK);
    assertThat(skipped.err()).contains("record 13 skipped (p90_sec is not a number: \"slow\")");

    Run missing = mtbsync("quality-check", "--root", root.resolve("nowhere").toString());
    assertThat(missing.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(missing.err())
        .isEqualTo("mtbsync: " + root.resolve("nowhere") + ": no such file or folder\n");

    Run bad = check("--reg-p90-pct", "-1");
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).isEqualTo("mtbsync: --reg-p90-pct must be a number >= 0, got -1.0\n");
  }

  private Run sync(String... extra) {
    return syncInto(root, extra);
  }

  private Run syncInto(Path out, String... extra) {
    String[] base = {
      "sync",
      "--reference",
      pair.resolve("ref.mp4").toString(),
      "--new",
      pair.resolve("new.mp4").toString(),
      "--out",
      out.toString(),
      "--no-gpu"
    };
    String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return mtbsync(args);
  }

  @Test
  void qualityCheckFindsTheHistoryOfRunsSyncedIntoASubFolder() throws IOException {
    // an older history of the root itself, steady at P90 1.0 s: not the newest run's baseline
    history(20, rec(1.0, 200, 0.8));
    Files.setLastModifiedTime(
        root.resolve("quality_history.json"),
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
    Path pairA = root.resolve("trail").resolve("pairA");
    for (int i = 0; i < 2; i++) {
      Run r = syncInto(pairA, "--quiet");
      assertThat(r.code()).as(r.err()).isZero();
    }
    assertThat(pairA.resolve("quality_history.json")).isNotEmptyFile();
    // the run synced last is the history's last record (two runs of one second sort by their
    // random suffix, not by time)
    List<QualityRecord> records = QualityHistory.read(pairA).records();
    String newest = records.get(records.size() - 1).runId();
    assertThat(pairA.resolve(newest).resolve("run.json")).isRegularFile();

    Run nested = check();
    assertThat(nested.code()).as(nested.err()).isEqualTo(ExitCodes.OK);
    assertThat(nested.out())
        .startsWith("Regression status: LEARNING\n")
        .contains("(1 in history before this one)")
        .contains("Run ID: trail/pairA/" + newest + "\n")
        .endsWith("History: trail/pairA/quality_history.json\n");

    Run json = check("--json");
    assertThat(json.out()).contains("\"run_id\":\"trail/pairA/" + newest + "\"");
    Run gate = mtbsync("quality-gate", "--root", root.toString(), "--out", root.toString());
    assertThat(gate.code()).as(gate.out() + gate.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(Files.readString(root.resolve("quality_gate.json")))
        .contains("\"status\" : \"NO_DATA\"", "trail/pairA/" + newest)
        .doesNotContain("no quality history");
  }

  @Test
  void syncRecordsItsQualityAndFailsOnASevereRegressionWhenAsked() throws IOException {
    // ten earlier runs that were far better than this pair can be: P90 1 ms, no drift, all inliers
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < 10; i++) {
      s.append(i == 0 ? "" : ",")
          .append("{\"run_id\":\"r")
          .append(i)
          .append("\",\"p90_sec\":0.001,\"ppm\":0,\"inlier_frac\":1.0}");
    }
    Files.writeString(root.resolve("quality_history.json"), s.append("]"));

    Run off = sync("--regression-off");
    assertThat(off.code()).as(off.err()).isZero();
    assertThat(off.out()).doesNotContain("regression");
    assertThat(root.resolve("regression.json")).doesNotExist();

    Run told = sync();
    assertThat(told.code()).as("without --fail-on-regression a fail is only reported").isZero();
    assertThat(told.out()).contains("regression   fail: ", "PPM regression (severe)");
    assertThat(Files.readString(root.resolve("regression.json")))
        .contains("\"status\" : \"fail\"", "\"history_size\" : 10");

    Run gated = sync("--fail-on-regression");
    assertThat(gated.code()).isEqualTo(ExitCodes.QUALITY_FAIL);
    assertThat(gated.err()).startsWith("mtbsync: severe quality regression: ");
    assertThat(Files.readString(root.resolve("quality_history.json")))
        .contains("\"new_video\" : \"new.mp4\"");

    // the perf.json of every run carries the resource figures
    try (var runs = Files.list(root)) {
      for (Path run :
          runs.filter(Files::isDirectory)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .toList()) {
        assertThat(Files.readString(run.resolve("perf.json")))
            .containsPattern("\"cpu_pct\" : \\d")
            .containsPattern("\"rss_mb\" : \\d")
            .contains("\"gpu_util\" : null", "\"frames_processed\"");
      }
    }
  }

  @Test
  void batchRecordsABrokenVideoAsFailedAndExitsOne() throws IOException {
    Path input = Files.createDirectories(root.resolve("input"));
    Files.copy(pair.resolve("new.mp4"), input.resolve("a.mp4"));
    Files.writeString(input.resolve("broken.mp4"), "not a video at all");
    Path out = root.resolve("out");
    Run run =
        mtbsync(
            "batch",
            input.toString(),
            "--reference",
            pair.resolve("ref.mp4").toString(),
            "--ref-markers",
            pair.resolve("ref_markers.csv").toString(),
            "--out-dir",
            out.toString(),
            "--no-gpu");
    assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.out())
        .contains(
            "[1/2] a.mp4  ok  p90 ",
            "regression learning",
            "[2/2] broken.mp4  failed: " + input.resolve("broken.mp4"))
        .contains(
            "batch: 1 of 2 synced ok, 0 not ok, 1 failed; summary "
                + out.resolve("batch_summary.csv"));
    List<String> summary = Files.readAllLines(out.resolve("batch_summary.csv"));
    assertThat(summary).hasSize(3);
    assertThat(summary.get(1)).startsWith("a.mp4,ok,");
    assertThat(summary.get(2)).startsWith("broken.mp4,failed,");
    assertThat(Files.readString(out.resolve("quality_history.json")))
        .contains("\"new_video\" : \"a.mp4\"");

    Run none =
        mtbsync(
            "batch",
            root.resolve("out").toString(),
            "--reference",
            pair.resolve("ref.mp4").toString(),
            "--out-dir",
            out.toString());
    assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(none.err()).startsWith("mtbsync: " + out + ": no videos (");
  }

  @Test
  void batchFailsOnASevereRegressionWhenAsked() throws IOException {
    Path input = Files.createDirectories(root.resolve("input"));
    Files.copy(pair.resolve("new.mp4"), input.resolve("a.mp4"));
    Path out = Files.createDirectories(root.resolve("out"));
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < 10; i++) {
      s.append(i == 0 ? "" : ",")
          .append("{\"run_id\":\"r")
          .append(i)
          .append("\",\"p90_sec\":0.001,\"ppm\":0,\"inlier_frac\":1.0}");
    }
    Files.writeString(out.resolve("quality_history.json"), s.append("]"));
    Run run =
        mtbsync(
            "batch",
            input.toString(),
            "--reference",
            pair.resolve("ref.mp4").toString(),
            "--out-dir",
            out.toString(),
            "--no-gpu",
            "--fail-on-regression");
    assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.QUALITY_FAIL);
    assertThat(run.out()).contains("[1/1] a.mp4  ok  ", "regression fail");
    assertThat(run.err())
        .contains("severe quality regression (see " + out.resolve("regression.json"));
    assertThat(Files.readAllLines(out.resolve("batch_summary.csv")).get(1)).contains(",fail,");
  }

  /** A run folder with a timewarp.json and a perf.json. */
  private Path runFolder(String id, String perf) throws IOException {
    Path dir = Files.createDirectories(root.resolve(id));
    Files.writeString(
        dir.resolve("timewarp.json"),
        "{\"ok\":true,\"ppm\":120,\"inlier_frac\":0.9,\"residuals\":{\"mae\":0.01,\"p90\":0.03},\"n_pairs\":20}");
    Files.writeString(dir.resolve("perf.json"), perf);
    return dir;
  }

  @Test
  void benchmarkQualityJudgesSyncQualityAndTheSeedsPpmRuleOnlyWhenAsked() throws IOException {
    runFolder("run-a", "{}");
    Path b = runFolder("run-b", "{}");
    // a rider 3 % slower than the reference, synced as well as run-a
    Files.writeString(
        b.resolve("timewarp.json"),
        "{\"ok\":true,\"ppm\":-30000,\"inlier_frac\":0.9,\"residuals\":{\"mae\":0.01,\"p90\":0.03},\"n_pairs\":20}");
    Run sync =
        mtbsync(
            "benchmark-quality", "--root", root.toString(), "--no-csv", "--no-json", "--strict");
    assertThat(sync.code()).as(sync.err()).isZero();
    assertThat(sync.out())
        .contains("Strict OK: 2 (100.0%)\n")
        .contains(
            "Strict criteria: inlier fraction ≥ 0.50, P90 ≤ 1.0 s, covers ≥ 50 % of the new run,"
                + " no marker needs review\n")
        .doesNotContain("not strict");

    Run seed =
        mtbsync(
            "benchmark-quality",
            "--root",
            root.toString(),
            "--no-csv",
            "--no-json",
            "--strict",
            "--strict-ppm",
            "500");
    assertThat(seed.code()).as(seed.err()).isZero();
    assertThat(seed.out())
        .contains(
            "Strict OK: 1 (50.0%)\n",
            ", |ppm| ≤ 500\n", "  not strict: run-b (|ppm| 30000 > 500)\n");

    Run bad = mtbsync("benchmark-quality", "--root", root.toString(), "--strict-ppm", "-5");
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).isEqualTo("mtbsync: --strict-ppm must be 0 or more, got -5.0\n");
  }

  @Test
  void benchmarkQualityWritesItsReportsAndExitsTwoWithoutRuns() throws IOException {
    Run empty = mtbsync("benchmark-quality", "--root", root.toString());
    assertThat(empty.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(empty.err()).startsWith("mtbsync: no run folders in " + root);

    runFolder("run-a", "{\"fps\":300,\"cpu_pct\":150,\"rss_mb\":400}");
    runFolder("run-b", "{torn");
    Run run = mtbsync("benchmark-quality", "--root", root.toString(), "--html", "--strict");
    assertThat(run.code()).as(run.err()).isZero();
    Path out = root.resolve("benchmark_out");
    assertThat(run.out())
        .contains(
            "Benchmark Summary\nTotal runs: 2\nOK: 2 (100.0%)\nStrict OK: 2 (100.0%)\nMean P90: 0.030s\nMean PPM: 120\n")
        .contains(
            "  CSV: " + out.resolve("benchmark_quality.csv"),
            "  HTML: " + out.resolve("benchmark_quality.html"));
    assertThat(run.err()).contains("run-b/perf.json: not a JSON file", "(perf figures left empty)");
    assertThat(out.resolve("benchmark_quality.json")).isNotEmptyFile();
    assertThat(Files.readString(out.resolve("benchmark_quality.html")))
        .contains("<svg class=\"chart\"", "run-a");

    Path other = root.resolve("only-json");
    Run json =
        mtbsync(
            "benchmark-quality",
            "--root",
            root.toString(),
            "--out",
            other.toString(),
            "--no-csv",
            "--json",
            "--quiet",
            "--pattern",
            "run-a");
    assertThat(json.code()).isZero();
    assertThat(json.out()).isEmpty();
    try (var files = Files.list(other)) {
      assertThat(files).containsExactly(other.resolve("benchmark_quality.json"));
    }

    Run field = mtbsync("benchmark-quality", "--root", root.toString(), "--fields", "fps,speed");
    assertThat(field.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(field.err()).startsWith("mtbsync: unknown perf field 'speed'");
    Run missing = mtbsync("benchmark-quality", "--root", root.resolve("nowhere").toString());
    assertThat(missing.code()).isEqualTo(ExitCodes.ERROR);
  }

  @Test
  void prunePerfKeepsTheNewestAndSaysWhatWent() throws IOException {
    Path a = runFolder("run-a", "{}");
    Path b = runFolder("run-b", "{}");
    Files.setLastModifiedTime(
        a.resolve("perf.json"), java.nio.file.attribute.FileTime.fromMillis(1_000_000));
    Run dry = mtbsync("prune-perf", "--root", root.toString(), "--keep", "1", "--dry-run");
    assertThat(dry.code()).isZero();
    assertThat(dry.out())
        .isEqualTo(
            "would remove "
                + root.resolve("run-a/perf.json")
                + "\nwould remove 1 of 2 perf.json files, kept 1\n");
    assertThat(a.resolve("perf.json")).exists();
    Run real = mtbsync("prune-perf", "--root", root.toString(), "--keep", "1");
    assertThat(real.out()).endsWith("removed 1 of 2 perf.json files, kept 1\n");
    assertThat(a.resolve("perf.json")).doesNotExist();
    assertThat(a.resolve("timewarp.json")).exists();
    assertThat(b.resolve("perf.json")).exists();
    Run negative = mtbsync("prune-perf", "--root", root.toString(), "--keep", "-1");
    assertThat(negative.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(negative.err()).isEqualTo("mtbsync: --keep must be 0 or more, got -1\n");
  }
}
