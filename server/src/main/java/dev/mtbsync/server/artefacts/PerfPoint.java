package dev.mtbsync.server.artefacts;

import dev.mtbsync.runs.PerfFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One perf.json as the telemetry table, charts and stream show it.
 *
 * @param path the file, as a path under the root
 * @param runId its run: the folder's path under the root (what the dashboard's links take), else
 *     the file's {@code run_id} for a perf.json lying in the root itself
 * @param timestamp when the run finished (ISO-8601; the file's time when it has none)
 * @param figures every numeric field of {@link PerfFile#FIELDS}, null where not measured
 * @param problem why the file could not be read, else null
 * @param ok the run's verdict ({@link RunSummaries#verdict}), null when unknown: a failed sync's
 *     figures (it stops early, so its FPS spikes) are marked, not mixed in unmarked
 */
public record PerfPoint(
    String path,
    String runId,
    String timestamp,
    Map<String, Double> figures,
    String problem,
    Boolean ok) {

  /** The fields a chart or table may ask for. */
  public static final List<String> DEFAULT_FIELDS =
      List.of("fps", "cpu_pct", "gpu_util", "gpu_mem_mb", "rss_mb");

  /**
   * A perf.json's entry, with {@code fps} computed as {@code frames_processed / total_sec} for
   * files that lack it (the Python tool's older files).
   */
  public static PerfPoint of(
      String path, String folder, String modified, PerfFile.Entry e, Boolean ok) {
    Map<String, Double> f = new LinkedHashMap<>(e.figures());
    Double frames = f.get("frames_processed");
    Double total = f.get("total_sec");
    if (f.get("fps") == null && frames != null && total != null && total > 0) {
      f.put("fps", frames / total);
    }
    return new PerfPoint(
        path,
        folder.isEmpty() && e.runId() != null ? e.runId() : folder,
        e.timestamp() != null ? e.timestamp() : modified,
        f,
        null,
        ok);
  }

  public static PerfPoint unreadable(String path, String folder, String modified, String problem) {
    Map<String, Double> f = new LinkedHashMap<>();
    PerfFile.FIELDS.forEach(k -> f.put(k, null));
    return new PerfPoint(path, folder, modified, f, problem, null);
  }

  /**
   * A flat JSON object: path, run_id, timestamp, ok, then the asked fields (and problem if any).
   */
  public Map<String, Object> toJson(List<String> fields) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", path);
    m.put("run_id", runId);
    m.put("timestamp", timestamp);
    m.put("ok", ok);
    for (String k : fields) {
      m.put(k, figures.get(k));
    }
    if (problem != null) {
      m.put("problem", problem);
    }
    return m;
  }
}
