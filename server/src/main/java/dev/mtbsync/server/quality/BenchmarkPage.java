package dev.mtbsync.server.quality;

import dev.mtbsync.quality.Benchmark;
import dev.mtbsync.quality.BenchmarkReport;
import dev.mtbsync.quality.BenchmarkRow;
import dev.mtbsync.quality.BenchmarkSummary;
import dev.mtbsync.quality.Histogram;
import dev.mtbsync.quality.StrictCriteria;
import dev.mtbsync.server.html.BarChart;
import dev.mtbsync.server.html.SeriesChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page model of {@code templates/quality/benchmark.jte}: a quality benchmark as KPIs, charts
 * and a sortable table, every value already formatted.
 *
 * @param title the page title
 * @param root the batch root
 * @param generated when the benchmark was made
 * @param criteria the strict criteria, in words
 * @param kpis the headline figures
 * @param charts P90, |ppm| and inlier-fraction histograms
 * @param chartNote which runs the charts count (every chart the same runs)
 * @param trend P90 of each run, oldest first
 * @param columns table columns
 * @param rows table rows, newest run first
 * @param skipped what could not be read
 */
public record BenchmarkPage(
    String title,
    String root,
    String generated,
    String criteria,
    List<Kpi> kpis,
    List<BarChart> charts,
    String chartNote,
    SeriesChart trend,
    List<Column> columns,
    List<Row> rows,
    List<String> skipped) {

  /**
   * A headline figure.
   *
   * @param tone {@code good}, {@code warn}, {@code bad} or empty: how it reads against the criteria
   */
  public record Kpi(String label, String value, String note, String tone) {}

  /** A table column; numeric columns sort by number and align right. */
  public record Column(String label, boolean numeric) {}

  /** A table row. */
  public record Row(List<Cell> cells) {}

  /**
   * A table cell.
   *
   * @param text what is shown
   * @param sort the sort key (a number for numeric columns; empty sorts last)
   * @param css its classes: {@code num} for numbers, and a tone as for {@link Kpi}
   */
  public record Cell(String text, String sort, String css) {}

  private static final Map<String, String> PERF_LABELS =
      Map.ofEntries(
          Map.entry("fps", "FPS"),
          Map.entry("cpu_pct", "CPU %"),
          Map.entry("gpu_util", "GPU %"),
          Map.entry("gpu_mem_mb", "VRAM MB"),
          Map.entry("rss_mb", "RSS MB"),
          Map.entry("total_sec", "Total s"),
          Map.entry("decode_sec", "Decode s"),
          Map.entry("retrieval_sec", "Retrieval s"),
          Map.entry("warp_sec", "Warp s"),
          Map.entry("markers_sec", "Markers s"),
          Map.entry("frames_processed", "Frames"));

  public static BenchmarkPage of(BenchmarkReport r) {
    StrictCriteria c = r.criteria();
    BenchmarkSummary s = r.summary();
    List<Kpi> kpis = new ArrayList<>();
    kpis.add(new Kpi("Runs", String.valueOf(s.total()), "newest first in the table", ""));
    kpis.add(
        new Kpi(
            "OK",
            pct(s.okPct(), s.total()),
            s.ok() + " passed their sync's gates",
            tone(s.okPct(), s.total())));
    kpis.add(
        new Kpi(
            "Strict OK",
            pct(s.strictOkPct(), s.total()),
            s.strictOk() + " meet the strict criteria",
            tone(s.strictOkPct(), s.total())));
    kpis.add(
        new Kpi(
            "Mean P90",
            s.meanP90() == null ? "–" : fmt(s.meanP90(), 3) + " s",
            s.medianP90() == null ? "no fitted warp" : "median " + fmt(s.medianP90(), 3) + " s",
            s.meanP90() == null ? "" : s.meanP90() <= c.maxP90Sec() ? "good" : "bad"));
    kpis.add(
        new Kpi(
            "Mean |PPM|",
            s.meanPpm() == null ? "–" : grouped(s.meanPpm()),
            c.maxPpm() == null
                ? "the riders' pace: not a sync measure (--strict-ppm to judge it)"
                : "strict limit " + grouped(c.maxPpm()),
            s.meanPpm() == null || c.maxPpm() == null
                ? ""
                : s.meanPpm() <= c.maxPpm() ? "good" : "warn"));
    Double fps = s.perfMeans().get("fps");
    if (fps != null) {
      kpis.add(new Kpi("Mean FPS", fmt(fps, 0), "frames decoded per second of sync", ""));
    }

    List<BarChart> charts = new ArrayList<>();
    for (Histogram h : r.histograms()) {
      charts.add(BarChart.of(h, !h.metric().equals("inlier_frac")));
    }

    List<BenchmarkRow> charted = Benchmark.charted(r.rows());
    int left = r.rows().size() - charted.size();
    String chartNote =
        "Every chart counts the "
            + charted.size()
            + (charted.size() == 1 ? " run" : " runs")
            + " with a fitted warp (P90 residual and inlier fraction measured)"
            + (left == 0
                ? "."
                : "; "
                    + left
                    + (left == 1 ? " run" : " runs")
                    + " without one (a failed sync) "
                    + (left == 1 ? "is" : "are")
                    + " in the table only.");
    List<SeriesChart.Point> points = new ArrayList<>();
    for (BenchmarkRow row : charted) {
      points.add(0, new SeriesChart.Point(row.runId(), row.resP90()));
    }
    SeriesChart trend =
        SeriesChart.of(
            "P90 residual by run (s)",
            "oldest to newest, one bar per run: a slow drift shows here before the gate trips",
            points,
            "s",
            c.maxP90Sec());

    List<Column> columns = new ArrayList<>();
    columns.add(new Column("Run", false));
    columns.add(new Column("Modified (UTC)", false));
    columns.add(new Column("OK", false));
    columns.add(new Column("Strict", false));
    columns.add(new Column("P90 s", true));
    columns.add(new Column("MAE s", true));
    columns.add(new Column("PPM", true));
    columns.add(new Column("Inlier", true));
    columns.add(new Column("Pairs", true));
    columns.add(new Column("Covers", true));
    columns.add(new Column("Review", true));
    for (String f : r.fields()) {
      columns.add(new Column(PERF_LABELS.getOrDefault(f, f), true));
    }
    List<Row> rows = new ArrayList<>();
    for (BenchmarkRow row : r.rows()) {
      List<Cell> cells = new ArrayList<>();
      cells.add(new Cell(row.runId(), row.runId(), "run"));
      String modified = row.modified().replace('T', ' ');
      cells.add(
          new Cell(
              modified.length() > 19 ? modified.substring(0, 19) : modified, row.modified(), ""));
      cells.add(
          new Cell(row.ok() ? "ok" : "not ok", row.ok() ? "1" : "0", row.ok() ? "good" : "bad"));
      cells.add(
          new Cell(
              row.strictOk() ? "yes" : "no: " + String.join(", ", row.strictMisses()),
              row.strictOk() ? "1" : "0",
              row.strictOk() ? "good" : "warn why"));
      cells.add(
          num(row.resP90(), 3, row.resP90() != null && row.resP90() > c.maxP90Sec() ? "bad" : ""));
      cells.add(num(row.resMae(), 3, ""));
      cells.add(
          signed(
              row.ppm(),
              row.ppm() != null && c.maxPpm() != null && Math.abs(row.ppm()) > c.maxPpm()
                  ? "warn"
                  : ""));
      cells.add(
          num(
              row.inlierFrac(),
              2,
              row.inlierFrac() != null && row.inlierFrac() < c.minInlierFrac() ? "bad" : ""));
      cells.add(num(row.nPairs() == null ? null : row.nPairs().doubleValue(), 0, ""));
      Double covers = row.coverage() == null ? null : 100 * row.coverage();
      cells.add(
          covers == null
              ? new Cell("–", "", "num")
              : new Cell(
                  fmt(covers, 0) + "%",
                  String.valueOf(covers),
                  row.coverage() < c.minCoverage() ? "num bad" : "num"));
      cells.add(
          num(
              row.reviewMarkers() == null ? null : row.reviewMarkers().doubleValue(),
              0,
              row.reviewMarkers() != null && row.reviewMarkers() > c.maxReviewMarkers()
                  ? "warn"
                  : ""));
      for (String f : r.fields()) {
        cells.add(num(row.perf().get(f), f.endsWith("_sec") ? 2 : 1, ""));
      }
      rows.add(new Row(cells));
    }
    String criteria = "strict (sync quality): " + c.describe();
    return new BenchmarkPage(
        "Sync quality benchmark",
        r.root().toAbsolutePath().normalize().toString(),
        r.generated().replace('T', ' ').replaceAll("\\.\\d+Z$", " UTC"),
        criteria,
        kpis,
        charts,
        chartNote,
        trend,
        columns,
        rows,
        r.skipped());
  }

  private static Cell num(Double v, int digits, String tone) {
    if (v == null) {
      return new Cell("–", "", "num");
    }
    return new Cell(
        digits == 0 ? grouped(v) : fmt(v, digits), String.valueOf(v), ("num " + tone).trim());
  }

  /** ppm as every page shows it: +12 345, -183 175. */
  private static Cell signed(Double v, String tone) {
    if (v == null) {
      return new Cell("–", "", "num");
    }
    long n = Math.round(v);
    return new Cell((n > 0 ? "+" : "") + grouped(v), String.valueOf(v), ("num " + tone).trim());
  }

  private static String pct(double pct, int total) {
    return total == 0 ? "–" : fmt(pct, 1) + "%";
  }

  private static String tone(double pct, int total) {
    if (total == 0) {
      return "";
    }
    return pct >= 90 ? "good" : pct >= 60 ? "warn" : "bad";
  }

  private static String fmt(double v, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }

  /** A whole number with thin-space thousands: 211 578. */
  private static String grouped(double v) {
    return String.format(Locale.ROOT, "%,d", Math.round(v)).replace(',', '\u2009');
  }
}
