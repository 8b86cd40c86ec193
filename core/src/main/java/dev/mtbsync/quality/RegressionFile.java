package dev.mtbsync.quality;

import dev.mtbsync.artefacts.RegressionJson;
import dev.mtbsync.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ROOT/regression.json}: the latest regression verdict of a batch root, written from a
 * {@link RegressionVerdict}. The file's fields are defined once, in {@link RegressionJson}.
 */
public final class RegressionFile {

  public static final String FILE = RegressionJson.NAME;
  public static final int SCHEMA_VERSION = RegressionJson.SCHEMA_VERSION;

  private RegressionFile() {}

  public static void write(Path root, RegressionVerdict v) throws IOException {
    of(v).write(root.resolve(FILE));
  }

  /** The verdict as regression.json holds it, judged now. */
  public static RegressionJson of(RegressionVerdict v) {
    RegressionThresholds t = v.thresholds();
    return new RegressionJson(
        SCHEMA_VERSION,
        v.status().label(),
        v.runId(),
        Instant.now().toString(),
        v.current(),
        v.baseline(),
        v.deltas(),
        new RegressionJson.Thresholds(
            t.window(),
            t.minHistory(),
            t.p90Pct(),
            t.p90Abs(),
            t.ppmPct(),
            t.ppmAbs(),
            t.inlierPct(),
            t.inlierAbs(),
            t.severeMultiplier()),
        v.reasons(),
        v.baselineWindow(),
        v.historySize());
  }

  /**
   * The verdict as regression.json lays it out, field by field (also what {@code quality-check
   * --json} prints and the quality gate's report nests).
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> toMap(RegressionVerdict v) {
    return Json.MAPPER.convertValue(of(v), LinkedHashMap.class);
  }
}
