package dev.mtbsync.artefacts;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.mtbsync.io.ArtefactJson;
import dev.mtbsync.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code perf.json}, the one definition of its fields: a run's stage timings and resource figures,
 * null where not measured. Read with {@link #read}, written with {@link #write}; fields a reader
 * does not know are skipped and a mistyped one reads as null.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION} for files written now
 * @param runId the run
 * @param timestamp when the run finished (ISO-8601)
 * @param decodeSec wall time decoding (s)
 * @param retrievalSec wall time finding pairs (s)
 * @param warpSec wall time fitting the warp (s)
 * @param markersSec wall time carrying the markers over (s)
 * @param totalSec wall time of the whole sync (s)
 * @param framesProcessed frames this sync decoded
 * @param fps frames processed per second of {@code totalSec}
 * @param cpuPct CPU time over wall time, percent of one core
 * @param rssMb largest resident memory seen (MB)
 * @param gpuUtil mean utilisation of the busiest NVIDIA GPU (percent)
 * @param gpuMemMb most GPU memory in use seen (MB)
 */
@JsonPropertyOrder({
  "schema_version",
  "run_id",
  "timestamp",
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
  "gpu_mem_mb"
})
public record PerfJson(
    Integer schemaVersion,
    String runId,
    String timestamp,
    Double decodeSec,
    Double retrievalSec,
    Double warpSec,
    Double markersSec,
    Double totalSec,
    Long framesProcessed,
    Double fps,
    Double cpuPct,
    Double rssMb,
    Double gpuUtil,
    Double gpuMemMb) {

  public static final String NAME = "perf.json";
  public static final int SCHEMA_VERSION = 1;

  /** Every figure's name, in file order: the names {@link #figures} gives them by. */
  public static final List<String> FIGURES =
      List.copyOf(
          new PerfJson(
                  null, null, null, null, null, null, null, null, null, null, null, null, null,
                  null)
              .figures()
              .keySet());

  /** Every figure by its field name, in file order; null where not measured. */
  public Map<String, Double> figures() {
    Map<String, Double> f = new LinkedHashMap<>();
    f.put("decode_sec", decodeSec);
    f.put("retrieval_sec", retrievalSec);
    f.put("warp_sec", warpSec);
    f.put("markers_sec", markersSec);
    f.put("total_sec", totalSec);
    f.put("frames_processed", framesProcessed == null ? null : framesProcessed.doubleValue());
    f.put("fps", fps);
    f.put("cpu_pct", cpuPct);
    f.put("rss_mb", rssMb);
    f.put("gpu_util", gpuUtil);
    f.put("gpu_mem_mb", gpuMemMb);
    return f;
  }

  /** Writes the file atomically. */
  public void write(Path file) throws IOException {
    Json.write(file, this);
  }

  /**
   * Reads a perf.json.
   *
   * @throws IOException naming the file when it is missing or not a JSON object
   */
  public static PerfJson read(Path file) throws IOException {
    return ArtefactJson.read(file, PerfJson.class);
  }
}
