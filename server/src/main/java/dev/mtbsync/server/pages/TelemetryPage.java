package dev.mtbsync.server.pages;

import java.util.List;

/**
 * The page model of {@code templates/telemetry/index.jte}: the telemetry history for the charts
 * (drawn and kept live by {@code web/telemetry.js}) and the metrics one may pick.
 *
 * @param shell the frame
 * @param metrics the charts, in order
 * @param perfJson the history as {@code /api/perf/history} answers it
 */
public record TelemetryPage(Shell shell, List<Metric> metrics, String perfJson) {

  /** A metric of perf.json: its field, its name and unit. */
  public record Metric(String key, String label, String unit) {}

  /** The five charts of the dashboard and the telemetry page. */
  public static final List<Metric> METRICS =
      List.of(
          new Metric("fps", "Frames per second", "fps"),
          new Metric("cpu_pct", "CPU", "%"),
          new Metric("gpu_util", "GPU utilisation", "%"),
          new Metric("gpu_mem_mb", "VRAM", "MB"),
          new Metric("rss_mb", "RSS memory", "MB"));

  /** The perf.json fields the pages ask for: the charts' and the stage timings. */
  public static final List<String> FIELDS =
      List.of(
          "fps", "cpu_pct", "gpu_util", "gpu_mem_mb", "rss_mb", "total_sec", "frames_processed");
}
