package dev.mtbsync.quality;

import static dev.mtbsync.quality.RegressionGateTest.run;
import static dev.mtbsync.quality.RegressionGateTest.steady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtbsync.config.ConfigException;
import dev.mtbsync.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityGateTest {

  @TempDir Path root;

  private static final GateConfig NORMAL =
      new GateConfig(
          GatePreset.NORMAL, GatePreset.NORMAL.thresholds(50), GateConfig.DEFAULT_LEARNING_RUNS);

  /** {@code n} steady runs (P90 1.0 s, 200 ppm, inliers 0.8), then one with these metrics. */
  private void history(int n, double p90, double ppm, double inlier) throws IOException {
    List<QualityRecord> records = new ArrayList<>(steady(n));
    records.add(run("now", p90, ppm, inlier));
    Json.write(QualityHistory.file(root), Map.of("schema_version", 1, "records", records));
  }

  private GateResult gate(GateConfig config) {
    return QualityGate.evaluate(root, config);
  }

  @Test
  void theVerdictBecomesTheStatusAndItsExitCode() throws IOException {
    history(30, 1.0, 200, 0.8);
    GateResult pass = gate(NORMAL);
    assertThat(pass.status()).isEqualTo(GateStatus.PASS);
    assertThat(pass.status().exitCode()).isZero();
    assertThat(pass.historySize()).isEqualTo(31);
    assertThat(pass.message()).isNull();
    assertThat(pass.learningMode()).isFalse();

    history(30, 1.3, 200, 0.8); // +0.30 s over a 0.25 s limit
    assertThat(gate(NORMAL).status()).isEqualTo(GateStatus.WARN);
    assertThat(GateStatus.WARN.exitCode()).isEqualTo(10);

    history(30, 1.0, 200, 0.55); // -0.25 over a 0.12 limit: more than twice
    GateResult fail = gate(NORMAL);
    assertThat(fail.status()).isEqualTo(GateStatus.FAIL);
    assertThat(fail.status().exitCode()).isEqualTo(20);
    assertThat(fail.verdict().reasons())
        .containsExactly("Inlier fraction regression (severe): 0.550 vs baseline 0.800 (-31.3%)");
  }

  @Test
  void aFailWithFewerRunsThanTheLearningWindowIsOnlyAWarning() throws IOException {
    history(23, 1.0, 200, 0.55); // 24 runs in all
    GateResult learning = gate(NORMAL);
    assertThat(learning.status()).isEqualTo(GateStatus.WARN_LEARNING);
    assertThat(learning.status().exitCode()).isZero();
    assertThat(learning.verdict().status()).isEqualTo(RegressionVerdict.Status.FAIL);
    assertThat(learning.learningMode()).isTrue();
    assertThat(learning.message())
        .isEqualTo("Learning mode: only 24 runs in history (need 25 for hard-fail)");

    history(24, 1.0, 200, 0.55); // 25 runs: the window is full
    GateResult fail = gate(NORMAL);
    assertThat(fail.status()).isEqualTo(GateStatus.FAIL);
    assertThat(fail.learningMode()).isFalse();
    assertThat(fail.message()).isNull();

    // a warning stays a warning in learning mode, and says so
    history(23, 1.3, 200, 0.8);
    GateResult warn = gate(NORMAL);
    assertThat(warn.status()).isEqualTo(GateStatus.WARN);
    assertThat(warn.message()).startsWith("Learning mode: only 24 runs");

    GateConfig longer = new GateConfig(GatePreset.NORMAL, NORMAL.thresholds(), 40);
    history(30, 1.0, 200, 0.55);
    assertThat(gate(longer).status()).isEqualTo(GateStatus.WARN_LEARNING);
    assertThat(gate(longer).message()).endsWith("only 31 runs in history (need 40 for hard-fail)");
  }

  @Test
  void tooLittleOrNoHistoryIsNoData() throws IOException {
    GateResult none = gate(NORMAL);
    assertThat(none.status()).isEqualTo(GateStatus.NO_DATA);
    assertThat(none.status().exitCode()).isEqualTo(2);
    assertThat(none.verdict()).isNull();
    assertThat(none.message())
        .isEqualTo("no quality history in " + root + " (sync or batch into it first)");

    history(9, 9.0, 90000, 0.1); // nine before it: no baseline yet, however bad
    GateResult early = gate(NORMAL);
    assertThat(early.status()).isEqualTo(GateStatus.NO_DATA);
    assertThat(early.verdict().status()).isEqualTo(RegressionVerdict.Status.LEARNING);
    assertThat(early.learningMode()).isFalse();
    assertThat(early.message())
        .isEqualTo(
            "too little history for a baseline: learning: 9 runs in history, 10 needed before"
                + " gating");
  }

  @Test
  void anUnreadableRootOrHistoryIsAnErrorNamingTheFile() throws IOException {
    Path history = QualityHistory.file(root);
    Files.writeString(history, "[{\"run_id\": \"a\", ");
    GateResult torn = gate(NORMAL);
    assertThat(torn.status()).isEqualTo(GateStatus.ERROR);
    assertThat(torn.status().exitCode()).isEqualTo(1);
    assertThat(torn.message()).startsWith(history + ": not a JSON file (").doesNotContain("\n");

    Files.writeString(history, "{\"records\": \"none\"}");
    assertThat(gate(NORMAL).message()).isEqualTo(history + ": no list of records");

    Files.writeString(history, "[{\"p90_sec\": 1.0}, {\"run_id\": \"b\", \"ppm\": \"fast\"}]");
    GateResult unusable = gate(NORMAL);
    assertThat(unusable.status()).isEqualTo(GateStatus.ERROR);
    assertThat(unusable.message())
        .isEqualTo(history + ": no usable record (" + history + ": record 1 skipped (no run_id))");
    assertThat(unusable.problems()).hasSize(2);

    GateResult missing = QualityGate.evaluate(root.resolve("nowhere"), NORMAL);
    assertThat(missing.status()).isEqualTo(GateStatus.ERROR);
    assertThat(missing.message()).isEqualTo(root.resolve("nowhere") + ": no such file or folder");
  }

  @Test
  void presetsCarryTheSeedsThresholds() throws IOException {
    assertThat(GatePreset.STRICT.thresholds(50))
        .isEqualTo(new RegressionThresholds(50, 10, 0.10, 0.10, 0.15, 100, 0.10, 0.03, 2));
    assertThat(GatePreset.NORMAL.thresholds(50)).isEqualTo(RegressionThresholds.DEFAULT);
    assertThat(GatePreset.PERMISSIVE.thresholds(50)).isEqualTo(RegressionThresholds.DEFAULT);
    assertThat(GatePreset.NORMAL.thresholds(7).window()).isEqualTo(7);

    // +0.15 s on a 1.0 s baseline: inside normal's 0.25 s, past strict's 0.10 s but not 0.20 s
    history(30, 1.15, 200, 0.8);
    assertThat(gate(NORMAL).status()).isEqualTo(GateStatus.PASS);
    GateConfig strict = new GateConfig(GatePreset.STRICT, GatePreset.STRICT.thresholds(50), 25);
    assertThat(gate(strict).status()).isEqualTo(GateStatus.WARN);

    assertThat(GatePreset.parse(" Strict")).isEqualTo(GatePreset.STRICT);
    assertThatThrownBy(() -> GatePreset.parse("lenient"))
        .hasMessage("preset must be strict, normal, permissive or custom, got 'lenient'");
    assertThatThrownBy(() -> GatePreset.CUSTOM.thresholds(50))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new GateConfig(GatePreset.NORMAL, NORMAL.thresholds(), 0).validate())
        .isInstanceOf(ConfigException.class)
        .hasMessage("learning runs must be 1 or more, got 0");
  }

  @Test
  void bothFilesAreWrittenWholeAndSayTheSame() throws IOException {
    history(23, 1.0, 200, 0.55);
    GateResult r = gate(NORMAL);
    Path out = root.resolve("reports");
    List<Path> written = QualityGateFiles.write(out, r);
    assertThat(written)
        .containsExactly(out.resolve("quality_gate.json"), out.resolve("quality_gate.txt"));
    try (var files = Files.list(out)) {
      assertThat(files).as("no temporary file left beside").hasSize(2);
    }
    String json = Files.readString(out.resolve("quality_gate.json"));
    assertThat(json)
        .contains(
            "\"status\" : \"WARN_LEARNING\"",
            "\"exit_code\" : 0",
            "\"severity\" : \"fail\"",
            "\"message\" : \"Learning mode: only 24 runs in history (need 25 for hard-fail)\"")
        .containsPattern("\"timestamp\" : \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"");
    String text = Files.readString(out.resolve("quality_gate.txt"));
    assertThat(text)
        .startsWith(
            "### mtbsync quality gate: WARN_LEARNING (exit 0)\n\n"
                + "Learning mode: only 24 runs in history (need 25 for hard-fail)\n\n```text\n")
        .contains(
            "Inlier frac        0.55       0.80   -0.25 (-31.3%)\n```\n",
            "- Inlier fraction regression (severe): 0.550 vs baseline 0.800 (-31.3%)\n",
            "History: 24 runs; baseline: median of the 23 before run now\n",
            "Preset: normal (warn past P90 +25% or +0.25 s, |ppm| +25% or +150, inlier fraction"
                + " -15% or -0.05; fail at 2x; hard-fail from 25 runs)\n");
  }
}
