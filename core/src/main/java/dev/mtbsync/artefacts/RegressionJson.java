package dev.mtbsync.artefacts;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.mtbsync.io.ArtefactJson;
import dev.mtbsync.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code ROOT/regression.json}, the one definition of its fields: the latest regression verdict of
 * a batch root. Read with {@link #read}, written with {@link #write}; fields a reader does not know
 * are skipped and a mistyped one reads as null.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION} for files written now
 * @param status {@code ok}, {@code warn}, {@code fail} or {@code learning}
 * @param runId the run judged
 * @param timestamp when it was judged (ISO-8601)
 * @param current the run's metrics by their keys ({@code p90_sec}, {@code ppm} as |ppm|, {@code
 *     inlier_frac})
 * @param baseline the median of each metric over the baseline window; empty without history
 * @param deltas current minus baseline, per metric
 * @param thresholds the thresholds used
 * @param reasons one line per metric that regressed, or why gating is off
 * @param baselineWindow runs the baseline was taken over
 * @param historySize runs in the history before the one judged
 */
@JsonPropertyOrder({
  "schema_version",
  "status",
  "run_id",
  "timestamp",
  "current",
  "baseline",
  "deltas",
  "thresholds",
  "reasons",
  "baseline_window",
  "history_size"
})
public record RegressionJson(
    Integer schemaVersion,
    String status,
    String runId,
    String timestamp,
    Map<String, Double> current,
    Map<String, Double> baseline,
    Map<String, Double> deltas,
    Thresholds thresholds,
    List<String> reasons,
    Integer baselineWindow,
    Integer historySize) {

  public static final String NAME = "regression.json";
  public static final int SCHEMA_VERSION = 1;

  public RegressionJson {
    current = current == null ? Map.of() : current;
    baseline = baseline == null ? Map.of() : baseline;
    deltas = deltas == null ? Map.of() : deltas;
    reasons = reasons == null ? List.of() : reasons.stream().filter(r -> r != null).toList();
  }

  /**
   * The thresholds a verdict was reached with: a metric regresses (warn) when its change in the bad
   * direction exceeds max(pct x baseline, abs); fail at {@code severeMultiplier} times that.
   *
   * @param window runs the baseline is taken over
   * @param minHistory runs needed before gating
   */
  @JsonPropertyOrder({
    "window",
    "min_history",
    "p90_pct",
    "p90_abs",
    "ppm_pct",
    "ppm_abs",
    "inlier_pct",
    "inlier_abs",
    "severe_multiplier"
  })
  public record Thresholds(
      Integer window,
      Integer minHistory,
      Double p90Pct,
      Double p90Abs,
      Double ppmPct,
      Double ppmAbs,
      Double inlierPct,
      Double inlierAbs,
      Double severeMultiplier) {}

  /** Writes the file atomically. */
  public void write(Path file) throws IOException {
    Json.write(file, this);
  }

  /**
   * Reads a regression.json.
   *
   * @throws IOException naming the file when it is missing, not JSON, or not a JSON object
   */
  public static RegressionJson read(Path file) throws IOException {
    return ArtefactJson.read(file, RegressionJson.class);
  }
}
