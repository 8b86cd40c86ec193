package dev.mtbsync.export;

import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.gps.DeltaTime;
import dev.mtbsync.markers.ConfidenceBand;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.match.TimePair;
import dev.mtbsync.runs.PairsCsv;
import dev.mtbsync.runs.SplitsCsv;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The overlay plot: how the new run's time maps onto the reference's. New-run time (s) runs along
 * x, reference time (s) up y; the time pairs are dots coloured by confidence, the fitted warp is
 * the line through them, the identity diagonal shows where equal times would lie, and each marker
 * is a point on the warp with ticks on both axes (red when it needs review).
 */
public final class OverlayPlot {

  /** Default image size in px. */
  public static final int DEFAULT_WIDTH = 1400;

  public static final int DEFAULT_HEIGHT = 900;

  private static final Color INK = new Color(0x22, 0x28, 0x31);
  private static final Color GRID = new Color(0xE3, 0xE7, 0xEC);
  private static final Color IDENTITY = new Color(0x9A, 0xA3, 0xAE);
  private static final Color WARP = new Color(0x1F, 0x5F, 0xBF, 190);
  private static final Color HIGH = new Color(0x2E, 0x9E, 0x55, 200);
  private static final Color MEDIUM = new Color(0xE8, 0x9B, 0x1A, 210);
  private static final Color LOW = new Color(0xD6, 0x3B, 0x3B, 210);

  private OverlayPlot() {}

  /**
   * Draws the plot and writes it as a PNG, atomically.
   *
   * @param png the file to write
   * @param warp the fitted warp (t_new to t_ref)
   * @param pairs the time pairs, their {@code score} as confidence 0 to 1; may be empty
   * @param markers transferred markers; those without a new time get a reference-axis tick only
   * @param width image width in px (at least 400)
   * @param height image height in px (at least 300)
   */
  public static void write(
      Path png,
      MonotoneWarp warp,
      List<TimePair> pairs,
      List<NewMarker> markers,
      int width,
      int height)
      throws IOException {
    if (width < 400 || height < 300 || width > 10000 || height > 10000) {
      throw new IllegalArgumentException(
          "plot size must be 400x300 to 10000x10000 px, got " + width + "x" + height);
    }
    XYChart chart = chart(warp, pairs, markers, width, height);
    ExportFiles.write(
        png, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
  }

  /**
   * Draws the plot with the delta-time chart ({@link DeltaChart}) below it, the two sharing the
   * image's height (two thirds and one third); without delta points, the plot alone.
   *
   * @param delta time gained or lost along the trail, e.g. from {@link #deltaFor}; may be empty
   */
  public static void write(
      Path png,
      MonotoneWarp warp,
      List<TimePair> pairs,
      List<NewMarker> markers,
      int width,
      int height,
      List<DeltaTime.Point> delta)
      throws IOException {
    if (delta.size() < 2) {
      write(png, warp, pairs, markers, width, height);
      return;
    }
    if (width < 400 || height < 300 || width > 10000 || height > 10000) {
      throw new IllegalArgumentException(
          "plot size must be 400x300 to 10000x10000 px, got " + width + "x" + height);
    }
    int below = height / 3;
    DeltaChart.writeStacked(
        png,
        chart(warp, pairs, markers, width, height - below),
        DeltaChart.chart(delta, markers, width, below));
  }

  /**
   * The delta-time curve a run folder keeps beside its {@code timewarp.json} ({@code delta.csv}),
   * or none.
   *
   * @throws IOException when that file is there but cannot be read, naming it
   */
  public static List<DeltaTime.Point> deltaFor(Path timewarpJson) throws IOException {
    Path beside = timewarpJson.toAbsolutePath().resolveSibling(SplitsCsv.DELTA);
    return Files.isRegularFile(beside) ? SplitsCsv.readDelta(beside) : List.of();
  }

  /**
   * The pairs to show with a warp: {@code pairs} when given, else the {@code pairs.csv} a run
   * folder keeps beside its {@code timewarp.json}, else none.
   *
   * @throws IOException when a given or found pairs file cannot be read, naming it
   */
  public static List<TimePair> pairsFor(Path timewarpJson, Path pairs) throws IOException {
    if (pairs != null) {
      return PairsCsv.read(pairs);
    }
    Path beside = timewarpJson.toAbsolutePath().resolveSibling("pairs.csv");
    return Files.isRegularFile(beside) ? PairsCsv.read(beside) : List.of();
  }

  static XYChart chart(
      MonotoneWarp warp, List<TimePair> pairs, List<NewMarker> markers, int width, int height) {
    XYChart chart =
        new XYChartBuilder()
            .width(width)
            .height(height)
            .title(title(warp, pairs, markers))
            .xAxisTitle("new run time (s)")
            .yAxisTitle("reference time (s)")
            .build();
    style(chart, width);

    double xMax = warp.validTo();
    double yMax = warp.tRef()[warp.tRef().length - 1];
    for (TimePair p : pairs) {
      xMax = Math.max(xMax, p.tNew());
      yMax = Math.max(yMax, p.tRef());
    }
    for (NewMarker m : markers) {
      if (!Double.isNaN(m.tNew())) {
        xMax = Math.max(xMax, m.tNew());
      }
      if (!Double.isNaN(m.tRef())) {
        yMax = Math.max(yMax, m.tRef());
      }
    }
    xMax = niceCeiling(xMax * 1.02);
    yMax = niceCeiling(yMax * 1.02);
    // a sliver below zero keeps points at 0 s whole; the marker ticks sit on that edge
    double xMin = -0.012 * xMax;
    double yMin = -0.012 * yMax;
    XYStyler styler = chart.getStyler();
    styler.setPlotContentSize(1.0);
    styler.setXAxisMin(xMin).setXAxisMax(xMax).setYAxisMin(yMin).setYAxisMax(yMax);

    double diagonal = Math.min(xMax, yMax);
    line(chart, "identity (t_ref = t_new)", new double[] {0, diagonal}, new double[] {0, diagonal})
        .setLineColor(IDENTITY)
        .setLineStyle(
            new BasicStroke(
                1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {8, 6}, 0));

    int n = 600;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = warp.validFrom() + (warp.validTo() - warp.validFrom()) * i / (n - 1);
      y[i] = warp.map(x[i]);
    }
    line(chart, "fitted time-warp", x, y).setLineColor(WARP).setLineWidth(3f);
    // pairs over the warp, so that every pair shows even where the fit runs through it
    pairs(chart, pairs, ConfidenceBand.HIGH, HIGH);
    pairs(chart, pairs, ConfidenceBand.MID, MEDIUM);
    pairs(chart, pairs, ConfidenceBand.LOW, LOW);

    OverlayMarkers.add(chart, markers, xMin, yMin, xMax, yMax, width);
    return chart;
  }

  private static String title(MonotoneWarp warp, List<TimePair> pairs, List<NewMarker> markers) {
    long review = markers.stream().filter(NewMarker::needsReview).count();
    return String.format(
        Locale.ROOT,
        "Time-warp: new run %.1f\u2013%.1f s onto the reference   \u00b7   %d pairs, %d markers%s",
        warp.validFrom(),
        warp.validTo(),
        pairs.size(),
        markers.size(),
        review == 0 ? "" : " (" + review + " to review)");
  }

  static void style(XYChart chart, int width) {
    float scale = Math.max(0.8f, Math.min(2f, width / 1400f));
    Font base = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(15 * scale));
    Color frame = new Color(0xC5, 0xCC, 0xD4);
    XYStyler s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotGridLinesColor(GRID);
    s.setPlotBorderColor(frame);
    s.setChartFontColor(INK);
    s.setChartTitleFont(base.deriveFont(Font.BOLD, 18 * scale));
    s.setChartTitleBoxVisible(false);
    s.setChartPadding(Math.round(16 * scale));
    s.setAxisTickLabelsColor(INK);
    s.setAxisTickLabelsFont(base);
    s.setAxisTitleFont(base.deriveFont(Font.BOLD));
    s.setAxisTickMarksColor(frame);
    s.setAxisTitlePadding(Math.round(10 * scale));
    s.setXAxisDecimalPattern("0.#");
    s.setYAxisDecimalPattern("0.#");
    s.setLegendPosition(Styler.LegendPosition.InsideSE);
    s.setLegendFont(base.deriveFont(14 * scale));
    s.setLegendBackgroundColor(new Color(255, 255, 255, 230));
    s.setLegendBorderColor(frame);
    s.setLegendPadding(Math.round(10 * scale));
    s.setLegendSeriesLineLength(Math.round(28 * scale));
    s.setMarkerSize(Math.round(7 * scale));
    s.setAnnotationTextFont(base.deriveFont(Font.BOLD, 13 * scale));
    s.setAnnotationTextFontColor(OverlayMarkers.MARKER);
    s.setAntiAlias(true);
  }

  static XYSeries line(XYChart chart, String name, double[] x, double[] y) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    return s;
  }

  private static void pairs(
      XYChart chart, List<TimePair> pairs, ConfidenceBand band, Color colour) {
    String name = "pairs, confidence " + band.label();
    List<TimePair> in = pairs.stream().filter(p -> ConfidenceBand.of(p.score()) == band).toList();
    if (in.isEmpty()) {
      return;
    }
    XYSeries s =
        chart.addSeries(
            name,
            in.stream().mapToDouble(TimePair::tNew).toArray(),
            in.stream().mapToDouble(TimePair::tRef).toArray());
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setMarkerColor(colour);
  }

  /** Rounds an axis end up to a whole step of a fifth of its power of ten (22.1 to 24). */
  static double niceCeiling(double v) {
    if (!(v > 0)) {
      return 1;
    }
    double step = Math.pow(10, Math.floor(Math.log10(v))) / 5;
    return Math.ceil(v / step - 1e-9) * step;
  }
}
