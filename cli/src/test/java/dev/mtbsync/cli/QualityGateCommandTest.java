package dev.mtbsync.cli;

import static dev.mtbsync.cli.MainTest.mtbsync;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mtbsync.cli.MainTest.Run;
import dev.mtbsync.quality.GateStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** quality-gate: statuses, exit codes, presets, the learning window and its two files. */
class QualityGateCommandTest {

  static final Path SCHEMA = Path.of("../docs/ci/quality_gate.schema.json");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;

  /**
   * A history as sync writes it: {@code n} steady runs (P90 1.0 s, 200 ppm, inliers 0.8), then the
   * newest, "now", with the given metrics.
   */
  static void history(Path root, int n, double p90, double ppm, double inlier) throws IOException {
    StringBuilder s = new StringBuilder("{\"schema_version\":1,\"records\":[");
    for (int i = 0; i < n; i++) {
      s.append(record("r" + i, 1.0, 200, 0.8)).append(',');
    }
    s.append(record("now", p90, ppm, inlier)).append("]}");
    Files.writeString(root.resolve("quality_history.json"), s);
  }

  private static String record(String id, double p90, double ppm, double inlier) {
    return String.format(
        Locale.ROOT,
        "{\"run_id\":\"%s\",\"timestamp\":\"2025-06-01T10:00:00Z\",\"new_video\":\"%s.mp4\","
            + "\"p90_sec\":%s,\"ppm\":%s,\"inlier_frac\":%s,\"fps\":310.5,\"cpu_pct\":180.0,"
            + "\"rss_mb\":420.0,\"gpu_util\":null,\"gpu_mem_mb\":null}",
        id,
        id,
        p90,
        ppm,
        inlier);
  }

  private Run gate(String... extra) {
    return mtbsync(
        Stream.concat(Stream.of("quality-gate", "--root", root.toString()), Stream.of(extra))
            .toArray(String[]::new));
  }

  /** quality_gate.json as read back, after checking it against the published schema. */
  static JsonNode gateJson(Path dir) throws IOException {
    JsonNode doc = JSON.readTree(dir.resolve("quality_gate.json").toFile());
    assertThat(SchemaCheck.errors(JSON.readTree(SCHEMA.toFile()), doc)).isEmpty();
    return doc;
  }

  static Stream<Arguments> histories() {
    return Stream.of(
        Arguments.of(30, 1.0, 200, 0.8, "PASS", 0),
        Arguments.of(30, 1.3, 200, 0.8, "WARN", 10),
        Arguments.of(30, 1.0, 200, 0.55, "FAIL", 20),
        Arguments.of(23, 1.0, 200, 0.55, "WARN_LEARNING", 0),
        Arguments.of(24, 1.0, 200, 0.55, "FAIL", 20),
        Arguments.of(5, 9.0, 9000, 0.1, "NO_DATA", 2));
  }

  @ParameterizedTest(name = "{0} runs then p90 {1}, ppm {2}, inliers {3} -> {4}")
  @MethodSource("histories")
  void exitsWithTheStatusItWrites(
      int before, double p90, double ppm, double inlier, String status, int code)
      throws IOException {
    history(root, before, p90, ppm, inlier);
    Run run = gate();
    assertThat(run.code()).as(run.err()).isEqualTo(code);
    JsonNode doc = gateJson(root);
    assertThat(doc.get("status").asText()).isEqualTo(status);
    assertThat(doc.get("exit_code").asInt()).isEqualTo(code);
    assertThat(doc.get("history_size").asInt()).isEqualTo(before + 1);
    assertThat(doc.at("/regression/run_id").asText()).isEqualTo("now");
    String text = Files.readString(root.resolve("quality_gate.txt"));
    assertThat(text).startsWith("### mtbsync quality gate: " + status + " (exit " + code + ")\n");
    assertThat(run.out())
        .startsWith(text)
        .endsWith(
            "wrote "
                + root.resolve("quality_gate.json")
                + "\nwrote "
                + root.resolve("quality_gate.txt")
                + "\n");
    boolean learning = before + 1 < 25 && before >= 10;
    assertThat(doc.get("learning_mode").asBoolean()).isEqualTo(learning);
    if (learning) {
      String line = "Learning mode: only 24 runs in history (need 25 for hard-fail)";
      assertThat(doc.get("message").asText()).isEqualTo(line);
      assertThat(text).contains("\n" + line + "\n");
    }
  }

  @Test
  void presetsAndThresholdFlagsChooseTheThresholds() throws IOException {
    history(root, 30, 1.15, 200, 0.8); // +0.15 s: inside normal's 0.25 s, past strict's 0.10 s
    assertThat(gate().code()).isEqualTo(ExitCodes.OK);
    assertThat(gateJson(root).get("preset").asText()).isEqualTo("normal");
    assertThat(gate("--preset", "permissive").code()).isEqualTo(ExitCodes.OK);
    Run strict = gate("--preset", "strict", "--out", root.resolve("strict").toString());
    assertThat(strict.code()).isEqualTo(ExitCodes.QUALITY_WARN);
    JsonNode doc = gateJson(root.resolve("strict"));
    assertThat(doc.get("preset").asText()).isEqualTo("strict");
    assertThat(doc.at("/regression/thresholds/p90_abs").asDouble()).isEqualTo(0.10);
    assertThat(doc.at("/regression/thresholds/ppm_abs").asDouble()).isEqualTo(100);
    assertThat(doc.at("/regression/thresholds/inlier_abs").asDouble()).isEqualTo(0.03);

    // a threshold flag alone means custom; with a named preset it is refused
    Run custom = gate("--reg-p90-abs", "0.1", "--reg-p90-pct", "0.1");
    assertThat(custom.code()).isEqualTo(ExitCodes.QUALITY_WARN);
    assertThat(gateJson(root).get("preset").asText()).isEqualTo("custom");
    assertThat(gate("--preset", "custom").code()).as("custom at the defaults").isZero();
    Run both = gate("--preset", "strict", "--reg-ppm-abs", "50");
    assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(both.err())
        .isEqualTo(
            "mtbsync: --reg-ppm-abs needs --preset custom (strict sets its own thresholds)\n");
    Run unknown = gate("--preset", "lenient");
    assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err())
        .isEqualTo(
            "mtbsync: --preset must be strict, normal, permissive or custom, got 'lenient'\n");
    Run window = gate("--learning-runs", "0");
    assertThat(window.err()).isEqualTo("mtbsync: --learning-runs must be 1 or more, got 0\n");

    history(root, 30, 1.0, 200, 0.55);
    assertThat(gate("--learning-runs", "40", "--quiet").out()).isEqualTo("WARN_LEARNING\n");
  }

  @Test
  void noHistoryIsNoDataAndABrokenOneAnErrorOnOneLine() throws IOException {
    Run none = gate();
    assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(none.err())
        .isEqualTo("mtbsync: no quality history in " + root + " (sync or batch into it first)\n");
    JsonNode noData = gateJson(root);
    assertThat(noData.get("status").asText()).isEqualTo("NO_DATA");
    assertThat(noData.get("regression").isNull()).isTrue();

    Path file = root.resolve("quality_history.json");
    Files.writeString(file, "[{\"run_id\": \"a\", ");
    Run broken = gate();
    assertThat(broken.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(broken.err()).startsWith("mtbsync: " + file + ": not a JSON file (");
    assertThat(broken.err().lines()).hasSize(1);
    JsonNode error = gateJson(root);
    assertThat(error.get("status").asText()).isEqualTo("ERROR");
    assertThat(error.get("exit_code").asInt()).isEqualTo(1);
    assertThat(error.get("message").asText()).startsWith(file + ": not a JSON file (");

    history(root, 12, 1.0, 200, 0.8);
    Files.writeString(
        file, Files.readString(file).replaceFirst("\"p90_sec\":1.0,", "\"p90_sec\":\"slow\","));
    Run skipped = gate();
    assertThat(skipped.code()).isEqualTo(ExitCodes.OK);
    assertThat(skipped.err())
        .isEqualTo(
            "mtbsync: warning: "
                + file
                + ": record 1 skipped (p90_sec is not a number: \"slow\")\n");
    assertThat(gateJson(root).get("problems")).hasSize(1);

    Path nowhere = root.resolve("nowhere");
    Run missing = mtbsync("quality-gate", "--root", nowhere.toString());
    assertThat(missing.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(missing.err()).isEqualTo("mtbsync: " + nowhere + ": no such file or folder\n");
    assertThat(nowhere).as("a missing root is not made").doesNotExist();
    Path reports = root.resolve("reports");
    mtbsync("quality-gate", "--root", nowhere.toString(), "--out", reports.toString());
    assertThat(gateJson(reports).get("status").asText()).isEqualTo("ERROR");
  }

  @Test
  void theSchemaCheckCatchesAWrongDocument() throws IOException {
    JsonNode schema = JSON.readTree(SCHEMA.toFile());
    JsonNode wrong =
        JSON.readTree(
            "{\"schema_version\":1,\"status\":\"MAYBE\",\"exit_code\":3,\"extra\":true,"
                + "\"regression\":{\"severity\":\"ok\",\"current\":{\"p90_sec\":\"1\"}}}");
    assertThat(SchemaCheck.errors(schema, wrong))
        .contains(
            "$: missing timestamp",
            "$: unexpected field extra",
            "$.status: \"MAYBE\" is not one of [\"PASS\",\"WARN\",\"WARN_LEARNING\",\"FAIL\",\"NO_DATA\",\"ERROR\"]",
            "$.exit_code: 3 is not one of [0,10,20,2,1]",
            "$.regression: missing run_id",
            "$.regression.current.p90_sec: STRING is not [\"number\",\"null\"]");
  }

  @Test
  void exitCodesInTheFileAreTheCommandsOwn() {
    assertThat(List.of(GateStatus.values()).stream().map(GateStatus::exitCode))
        .containsExactly(
            ExitCodes.OK,
            ExitCodes.QUALITY_WARN,
            ExitCodes.OK,
            ExitCodes.QUALITY_FAIL,
            ExitCodes.USAGE,
            ExitCodes.ERROR);
    assertThat(mtbsync("--help").out()).contains("quality-gate");
  }
}
