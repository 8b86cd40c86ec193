package dev.mtbsync.quality;

import dev.mtbsync.io.AtomicFiles;
import dev.mtbsync.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code quality_gate.json} (for tools; the Python tool's schema, plus a schema version and the
 * learning window) and {@code quality_gate.txt} (the same for people: Markdown that reads as plain
 * text, fit for a pull-request comment or a CI job summary). Both are written atomically.
 */
public final class QualityGateFiles {

  public static final String JSON = "quality_gate.json";
  public static final String TEXT = "quality_gate.txt";
  public static final int SCHEMA_VERSION = 1;

  private QualityGateFiles() {}

  /**
   * Writes both files into {@code dir} (made when missing).
   *
   * @return the JSON file's path, then the text file's
   */
  public static List<Path> write(Path dir, GateResult r) throws IOException {
    Files.createDirectories(dir);
    Path json = dir.resolve(JSON);
    Path text = dir.resolve(TEXT);
    Json.write(json, toMap(r));
    AtomicFiles.writeString(text, text(r));
    return List.of(json, text);
  }

  /** The JSON document, field by field. */
  public static Map<String, Object> toMap(GateResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema_version", SCHEMA_VERSION);
    m.put("status", r.status().name());
    m.put("exit_code", r.status().exitCode());
    m.put("timestamp", r.timestamp());
    m.put("root", r.root().toString());
    m.put("preset", r.config().preset().label());
    m.put("history_size", r.historySize());
    m.put("learning_runs", r.config().learningRuns());
    m.put("learning_mode", r.learningMode());
    m.put("message", r.message());
    m.put("problems", r.problems());
    m.put("regression", r.verdict() == null ? null : regression(r.verdict()));
    return m;
  }

  private static Map<String, Object> regression(RegressionVerdict v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("severity", v.status().label());
    RegressionFile.toMap(v)
        .forEach(
            (k, value) -> {
              if (!List.of("schema_version", "status", "timestamp").contains(k)) {
                m.put(k, value);
              }
            });
    return m;
  }

  /** The human summary. */
  public static String text(GateResult r) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "### mtbsync quality gate: %s (exit %d)%n%n",
            r.status().name(),
            r.status().exitCode()));
    if (r.message() != null) {
      s.append(r.message()).append("\n\n");
    }
    RegressionVerdict v = r.verdict();
    if (v != null) {
      s.append("```text\n");
      RegressionTable.lines(v).forEach(line -> s.append(line).append('\n'));
      s.append("```\n\n");
      if (v.status() != RegressionVerdict.Status.LEARNING && !v.reasons().isEmpty()) {
        v.reasons().forEach(reason -> s.append("- ").append(reason).append('\n'));
        s.append('\n');
      }
      s.append(
          String.format(
              Locale.ROOT,
              "History: %d run%s; baseline: median of the %d before run %s%n",
              r.historySize(),
              r.historySize() == 1 ? "" : "s",
              v.baselineWindow(),
              v.runId()));
    }
    if (!r.problems().isEmpty()) {
      s.append(
          String.format(
              Locale.ROOT,
              "Skipped %d record%s of the history, the first: %s%n",
              r.problems().size(),
              r.problems().size() == 1 ? "" : "s",
              r.problems().get(0)));
    }
    s.append("Preset: ").append(describe(r.config())).append('\n');
    s.append("Root: ").append(r.root()).append(", judged ").append(r.timestamp()).append('\n');
    return s.toString();
  }

  /**
   * "normal (warn past P90 +25% or +0.25 s, |ppm| +25% or +150, inliers -15% or -0.05; fail at
   * 2x)".
   */
  static String describe(GateConfig c) {
    RegressionThresholds t = c.thresholds();
    return String.format(
        Locale.ROOT,
        "%s (warn past P90 +%s%% or +%s s, |ppm| +%s%% or +%s, inlier fraction -%s%% or -%s;"
            + " fail at %sx; hard-fail from %d runs)",
        c.preset().label(),
        num(100 * t.p90Pct()),
        num(t.p90Abs()),
        num(100 * t.ppmPct()),
        num(t.ppmAbs()),
        num(100 * t.inlierPct()),
        num(t.inlierAbs()),
        num(t.severeMultiplier()),
        c.learningRuns());
  }

  private static String num(double v) {
    String s = String.format(Locale.ROOT, "%.4f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
