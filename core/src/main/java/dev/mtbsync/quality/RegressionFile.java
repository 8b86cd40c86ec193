package dev.mtbsync.quality;

import dev.mtbsync.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code ROOT/regression.json}: the latest regression verdict of a batch root. */
public final class RegressionFile {

  public static final String FILE = "regression.json";
  public static final int SCHEMA_VERSION = 1;

  private RegressionFile() {}

  public static void write(Path root, RegressionVerdict v) throws IOException {
    Json.write(root.resolve(FILE), toMap(v));
  }

  /** The verdict as regression.json lays it out (also what {@code quality-check --json} prints). */
  public static Map<String, Object> toMap(RegressionVerdict v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema_version", SCHEMA_VERSION);
    m.put("status", v.status().label());
    m.put("run_id", v.runId());
    m.put("timestamp", Instant.now().toString());
    m.put("current", v.current());
    m.put("baseline", v.baseline());
    m.put("deltas", v.deltas());
    RegressionThresholds t = v.thresholds();
    Map<String, Object> th = new LinkedHashMap<>();
    th.put("window", t.window());
    th.put("min_history", t.minHistory());
    th.put("p90_pct", t.p90Pct());
    th.put("p90_abs", t.p90Abs());
    th.put("ppm_pct", t.ppmPct());
    th.put("ppm_abs", t.ppmAbs());
    th.put("inlier_pct", t.inlierPct());
    th.put("inlier_abs", t.inlierAbs());
    th.put("severe_multiplier", t.severeMultiplier());
    m.put("thresholds", th);
    m.put("reasons", v.reasons());
    m.put("baseline_window", v.baselineWindow());
    m.put("history_size", v.historySize());
    return m;
  }
}
