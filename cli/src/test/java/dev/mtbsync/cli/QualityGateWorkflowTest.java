package dev.mtbsync.cli;

import static dev.mtbsync.cli.QualityGateCommandTest.gateJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtbsync.Progress;
import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The example CI workflow, docs/ci/quality-gate.yml: its steps as GitHub would read them, and its
 * {@code run:} blocks run with bash as the runner would, against a batch root that real syncs
 * (mtbsync in its own JVM) fill. The CI service itself is not part of the test.
 */
class QualityGateWorkflowTest {

  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final Path WORKFLOW = REPO.resolve("docs/ci/quality-gate.yml");

  /** {@code ${{ inputs.x || 'default' }}}: what a push or a scheduled run sees. */
  static final Pattern FALLBACK = Pattern.compile("\\$\\{\\{[^}]*\\|\\|\\s*'([^']*)'\\s*}}");

  @TempDir static Path shared;
  static Path pair;
  static Path launcher;

  @TempDir Path work;

  @BeforeAll
  static void renderAndMakeALauncher() throws IOException {
    pair = shared.resolve("pair");
    SynthRenderer.render(new SynthConfig(5, 6, 320, 180, 30, 30), pair, Progress.NONE);
    // the workflow builds the jar and calls scripts/mtbsync; here the classes under test stand in
    launcher = shared.resolve("mtbsync");
    Files.writeString(
        launcher,
        "#!/bin/sh\nexec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' -Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
            + System.getProperty("java.class.path")
            + "' dev.mtbsync.cli.Main \"$@\"\n");
    assertThat(launcher.toFile().setExecutable(true)).isTrue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> job() throws IOException {
    Map<String, Object> doc = new Yaml().load(Files.readString(WORKFLOW));
    return (Map<String, Object>) ((Map<String, Object>) doc.get("jobs")).get("quality-gate");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> steps() throws IOException {
    return (List<Map<String, Object>>) job().get("steps");
  }

  private static Map<String, Object> step(String name) throws IOException {
    return steps().stream().filter(s -> name.equals(s.get("name"))).findFirst().orElseThrow();
  }

  @Test
  void theWorkflowBuildsGatesAndUploadsBothReportsWhateverTheOutcome() throws IOException {
    assertThat(step("Build mtbsync").get("run")).isEqualTo("mvn -B -q -DskipTests package");
    assertThat((String) step("Sync, report and gate").get("run"))
        .contains("docs/ci/quality-gate.sh \"$FOOTAGE\" \"$REFERENCE\" \"$ROOT\" \"$REPORTS\"");
    Map<String, String> uploads = new HashMap<>();
    for (Map<String, Object> s : steps()) {
      if (String.valueOf(s.get("uses")).startsWith("actions/upload-artifact@")) {
        assertThat(s.get("if")).isEqualTo("always()");
        @SuppressWarnings("unchecked")
        Map<String, Object> with = (Map<String, Object>) s.get("with");
        assertThat(with.get("retention-days")).isEqualTo(14);
        uploads.put((String) with.get("name"), (String) with.get("path"));
      }
    }
    assertThat(uploads)
        .containsEntry("benchmark-report", "${{ env.REPORTS }}/benchmark_quality.*")
        .containsEntry("quality-gate-summary", "${{ env.REPORTS }}/quality_gate.*");
    assertThat(step("Job summary").get("if")).isEqualTo("always()");
  }

  /** A step's exit status and what it printed. */
  record Step(int code, String log) {}

  /** Runs one step's {@code run:} block as the runner's default shell does. */
  private Step runStep(String name, Map<String, String> overrides) throws Exception {
    Map<String, Object> step = step(name);
    ProcessBuilder pb =
        new ProcessBuilder(
                "bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", (String) step.get("run"))
            .directory(REPO.toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("step.log").toFile());
    Map<String, String> env = pb.environment();
    for (Object scope : new Object[] {job().get("env"), step.get("env")}) {
      if (scope instanceof Map<?, ?> vars) {
        vars.forEach((k, v) -> env.put((String) k, evaluate(String.valueOf(v))));
      }
    }
    env.putAll(overrides);
    env.put("MTBSYNC", launcher.toString());
    env.put("GITHUB_STEP_SUMMARY", work.resolve("summary.md").toString());
    Process p = pb.start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(name + " finished").isTrue();
    return new Step(p.exitValue(), name + ":\n" + Files.readString(work.resolve("step.log")));
  }

  private static Step check(Step step, int code) {
    assertThat(step.code()).as(step.log()).isEqualTo(code);
    return step;
  }

  private static String evaluate(String value) {
    Matcher m = FALLBACK.matcher(value);
    String v = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
    assertThat(v).as("an expression the test cannot evaluate").doesNotContain("${{");
    return v;
  }

  @Test
  void theWorkflowsCommandsPassAGoodRunFailABadOneAndAlwaysLeaveReports() throws Exception {
    Path footage = Files.createDirectories(work.resolve("footage"));
    Files.copy(pair.resolve("new.mp4"), footage.resolve("run-1.mp4"));
    Path root = work.resolve("batch_out");
    Path reports = work.resolve("reports");
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "FOOTAGE", footage.toString(),
                "REFERENCE", pair.resolve("ref.mp4").toString(),
                "REF_MARKERS", pair.resolve("ref_markers.csv").toString(),
                "ROOT", root.toString(),
                "REPORTS", reports.toString()));

    // 1. first run into an empty root: one record, no baseline yet; the job passes
    check(runStep("Sync, report and gate", env), 0);
    assertThat(gateJson(reports).get("status").asText()).isEqualTo("NO_DATA");
    for (String f : List.of("csv", "json", "html")) {
      assertThat(reports.resolve("benchmark_quality." + f)).isNotEmptyFile();
    }
    check(runStep("Job summary", env), 0);
    assertThat(Files.readString(work.resolve("summary.md")))
        .startsWith("### mtbsync quality gate: NO_DATA (exit 2)");

    // 2. a history of 29 runs just like the real one: the next real run passes
    ObjectMapper json = new ObjectMapper();
    Path historyFile = root.resolve("quality_history.json");
    ObjectNode history = (ObjectNode) json.readTree(historyFile.toFile());
    ArrayNode records = (ArrayNode) history.get("records");
    assertThat(records).hasSize(1);
    JsonNode real = records.get(0);
    for (int i = 0; i < 29; i++) {
      records.insert(0, ((ObjectNode) real.deepCopy()).put("run_id", "earlier-" + i));
    }
    json.writeValue(historyFile.toFile(), history);
    check(runStep("Sync, report and gate", env), 0);
    JsonNode pass = gateJson(reports);
    assertThat(pass.get("status").asText()).as(pass.toString()).isEqualTo("PASS");
    assertThat(pass.get("history_size").asInt()).isEqualTo(31);

    // 3. a history far better than this pair can be: a severe regression fails the job
    StringBuilder better = new StringBuilder("[");
    for (int i = 0; i < 30; i++) {
      better.append(i == 0 ? "" : ",").append("{\"run_id\":\"best-").append(i);
      better.append("\",\"p90_sec\":0.001,\"ppm\":0,\"inlier_frac\":1.0}");
    }
    Files.writeString(historyFile, better.append("]"));
    check(runStep("Sync, report and gate", env), 20);
    JsonNode fail = gateJson(reports);
    assertThat(fail.get("status").asText()).isEqualTo("FAIL");
    assertThat(fail.at("/regression/severity").asText()).isEqualTo("fail");
    check(runStep("Job summary", env), 0);
    assertThat(Files.readString(work.resolve("summary.md")))
        .contains("### mtbsync quality gate: FAIL (exit 20)", "regression (severe)");

    // 4. nothing new to sync, custom thresholds loose enough for it: the same run passes
    Path none = Files.createDirectories(work.resolve("no-footage"));
    env.put("FOOTAGE", none.toString());
    env.put("PRESET", "custom");
    for (String k : List.of("P90_PCT", "P90_ABS", "PPM_PCT", "PPM_ABS", "INLIER_PCT")) {
      env.put("REG_" + k, "10000000"); // this pair's new run is 66 % faster: 664 337 ppm
    }
    env.put("REG_INLIER_ABS", "1");
    check(runStep("Sync, report and gate", env), 0);
    JsonNode custom = gateJson(reports);
    assertThat(custom.get("status").asText()).isEqualTo("PASS");
    assertThat(custom.get("preset").asText()).isEqualTo("custom");
    assertThat(custom.at("/regression/thresholds/ppm_abs").asDouble()).isEqualTo(1e7);

    // 5. a preset mtbsync refuses fails the job rather than passing as NO_DATA
    env.put("PRESET", "lenient");
    assertThat(check(runStep("Sync, report and gate", env), 1).log())
        .contains("quality-gate.sh: quality-gate refused its command line");
  }
}
