package dev.mtbsync.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mtbsync.io.ArtefactJson;
import dev.mtbsync.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code perf.json}: a run's stage timings and resource figures, null where not measured. */
public final class PerfFile {

  public static final String NAME = "perf.json";
  public static final int SCHEMA_VERSION = 1;

  /** Every numeric field, in file order. */
  public static final List<String> FIELDS =
      List.of(
          "decode_sec",
          "retrieval_sec",
          "warp_sec",
          "markers_sec",
          "total_sec",
          "frames_processed",
          "fps",
          "cpu_pct",
          "rss_mb",
          "gpu_util",
          "gpu_mem_mb");

  /**
   * A perf.json as read back.
   *
   * @param runId the run's id ({@code run_id}), null when absent
   * @param timestamp when the run finished ({@code timestamp}, ISO-8601), null when absent
   * @param figures every field of {@link #FIELDS} present as a number; null for null or absent
   */
  public record Entry(String runId, String timestamp, Map<String, Double> figures) {}

  private PerfFile() {}

  public static void write(Path file, String runId, Perf perf) throws IOException {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("schema_version", SCHEMA_VERSION);
    p.put("run_id", runId);
    p.put("timestamp", Instant.now().toString());
    p.put("decode_sec", r3(perf.decodeSec()));
    p.put("retrieval_sec", r3(perf.retrievalSec()));
    p.put("warp_sec", r3(perf.warpSec()));
    p.put("markers_sec", r3(perf.markersSec()));
    p.put("total_sec", r3(perf.totalSec()));
    p.put("frames_processed", perf.framesProcessed());
    p.put("fps", r3(perf.fps()));
    p.put("cpu_pct", Double.isNaN(perf.cpuPct()) ? null : r1(perf.cpuPct()));
    p.put("rss_mb", perf.rssMb() == null ? null : r1(perf.rssMb()));
    p.put("gpu_util", perf.gpuUtil() == null ? null : r1(perf.gpuUtil()));
    p.put("gpu_mem_mb", perf.gpuMemMb() == null ? null : r1(perf.gpuMemMb()));
    Json.write(file, p);
  }

  /**
   * Reads a perf.json; fields that are absent, null or not numbers come back null.
   *
   * @throws IOException naming the file when it is missing or not a JSON object
   */
  public static Entry read(Path file) throws IOException {
    JsonNode root = ArtefactJson.readObject(file);
    Map<String, Double> figures = new LinkedHashMap<>();
    for (String f : FIELDS) {
      JsonNode v = root.get(f);
      figures.put(f, v != null && v.isNumber() ? v.asDouble() : null);
    }
    return new Entry(text(root, "run_id"), text(root, "timestamp"), figures);
  }

  private static String text(JsonNode root, String field) {
    JsonNode v = root.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  private static double r3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static double r1(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
