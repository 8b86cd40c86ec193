package dev.mtbsync.runs;

import dev.mtbsync.artefacts.PerfJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code perf.json} as the pipeline and the readers of many runs meet it: a sync's {@link Perf}
 * written, figures read back by name. The file's fields are defined once, in {@link PerfJson}.
 */
public final class PerfFile {

  public static final String NAME = PerfJson.NAME;
  public static final int SCHEMA_VERSION = PerfJson.SCHEMA_VERSION;

  /** Every numeric field, in file order. */
  public static final List<String> FIELDS = PerfJson.FIGURES;

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
    new PerfJson(
            PerfJson.SCHEMA_VERSION,
            runId,
            Instant.now().toString(),
            r3(perf.decodeSec()),
            r3(perf.retrievalSec()),
            r3(perf.warpSec()),
            r3(perf.markersSec()),
            r3(perf.totalSec()),
            perf.framesProcessed(),
            r3(perf.fps()),
            Double.isNaN(perf.cpuPct()) ? null : r1(perf.cpuPct()),
            perf.rssMb() == null ? null : r1(perf.rssMb()),
            perf.gpuUtil() == null ? null : r1(perf.gpuUtil()),
            perf.gpuMemMb() == null ? null : r1(perf.gpuMemMb()))
        .write(file);
  }

  /**
   * Reads a perf.json; fields that are absent, null or not numbers come back null.
   *
   * @throws IOException naming the file when it is missing or not a JSON object
   */
  public static Entry read(Path file) throws IOException {
    PerfJson p = PerfJson.read(file);
    return new Entry(p.runId(), p.timestamp(), p.figures());
  }

  private static double r3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static double r1(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
