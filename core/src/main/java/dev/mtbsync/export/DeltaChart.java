package dev.mtbsync.export;

import dev.mtbsync.gps.DeltaTime;
import dev.mtbsync.gps.Splits;
import dev.mtbsync.gps.TimeGap;
import dev.mtbsync.markers.NewMarker;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The delta-time chart: time gained or lost against the reference along the trail (from {@code
 * delta.csv}), across by distance along the trail where a GPS track measured it, else by reference
 * time; above zero the new run is behind. The reference markers the new run reaches stand as gates,
 * each with the time won or lost over the sector it closes.
 */
public final class DeltaChart {

  private static final Color LINE = new Color(0x1F, 0x5F, 0xBF);
  private static final Color ZERO = new Color(0x9A, 0xA3, 0xAE);
  private static final Color GATE = new Color(0x4B, 0x2A, 0x8C, 110);

  private DeltaChart() {}

  /**
   * @param delta the curve, in trail order (at least two points)
   * @param markers transferred markers: those the new run reaches are the gates
   */
  static XYChart chart(
      List<DeltaTime.Point> curve, List<NewMarker> markers, int width, int height) {
    List<Splits.Gate> gates = Splits.of(markers, null, null);
    TimeGap gap = TimeGap.of(gates, curve);
    // measured from the first gate, as the gap and the split table are
    List<DeltaTime.Point> delta =
        TimeGap.fromFirstGate(curve, gates.isEmpty() ? Double.NaN : gates.get(0).tRef());
    boolean byDistance = delta.stream().allMatch(p -> Double.isFinite(p.distanceM()));
    XYChart chart =
        new XYChartBuilder()
            .width(width)
            .height(height)
            .title(
                String.format(
                    Locale.ROOT,
                    "Delta time against the reference   \u00b7   %s (%s)",
                    gap.label(),
                    gap.span()))
            .xAxisTitle(byDistance ? "distance along the trail (m)" : "reference time (s)")
            .yAxisTitle("new minus reference (s)")
            .build();
    OverlayPlot.style(chart, width);
    chart.getStyler().setLegendVisible(false);
    double[] x = delta.stream().mapToDouble(p -> byDistance ? p.distanceM() : p.tRef()).toArray();
    double[] y = delta.stream().mapToDouble(DeltaTime.Point::deltaSec).toArray();
    double lo = Math.min(-0.5, Arrays.stream(y).min().orElse(0));
    double hi = Math.max(0.5, Arrays.stream(y).max().orElse(0));
    double pad = 0.15 * (hi - lo);
    chart.getStyler().setYAxisMin(lo - pad).setYAxisMax(hi + pad);
    chart.getStyler().setXAxisMin(x[0]).setXAxisMax(x[x.length - 1]);
    line(chart, "zero", new double[] {x[0], x[x.length - 1]}, new double[] {0, 0})
        .setLineColor(ZERO)
        .setLineStyle(
            new BasicStroke(
                1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 5}, 0));
    line(chart, "delta", x, y).setLineColor(LINE).setLineWidth(2.5f);
    gates(chart, delta, markers, byDistance, x[0], x[x.length - 1], lo - pad, hi + pad, width);
    return chart;
  }

  /**
   * A vertical line at each gate, with the sector's gain or loss written to its right; labels take
   * turns on three rows so that close gates stay readable.
   */
  private static void gates(
      XYChart chart,
      List<DeltaTime.Point> delta,
      List<NewMarker> markers,
      boolean byDistance,
      double xMin,
      double xMax,
      double lo,
      double hi,
      int width) {
    double dataPerPx = (xMax - xMin) / (width * 0.85);
    int row = 0;
    for (Splits.Gate g : Splits.of(markers, null, null)) {
      double x = byDistance ? distanceAt(delta, g.tRef()) : g.tRef();
      if (Double.isNaN(x)) {
        continue;
      }
      line(chart, "gate " + g.gate(), new double[] {x, x}, new double[] {lo, hi})
          .setLineColor(GATE)
          .setLineWidth(1.2f);
      String text =
          g.gate() == 1
              ? g.name()
              : String.format(Locale.ROOT, "%s %+.2f s", g.name(), g.sectorDeltaSec());
      double half = 3.7 * text.length() * (width / 1400.0) * dataPerPx;
      double at = x + half + 4 * dataPerPx;
      if (at + half > xMax) {
        at = x - half - 4 * dataPerPx; // near the right edge: to the left of the gate
      }
      chart.addAnnotation(
          new AnnotationText(text, at, hi - (0.07 + 0.11 * (row++ % 3)) * (hi - lo), false));
    }
  }

  /** Distance (m) of the curve at reference time t, linear between points; NaN outside. */
  private static double distanceAt(List<DeltaTime.Point> delta, double tRef) {
    for (int i = 1; i < delta.size(); i++) {
      DeltaTime.Point a = delta.get(i - 1);
      DeltaTime.Point b = delta.get(i);
      if (tRef >= a.tRef() && tRef <= b.tRef()) {
        double f = b.tRef() > a.tRef() ? (tRef - a.tRef()) / (b.tRef() - a.tRef()) : 0;
        return a.distanceM() + f * (b.distanceM() - a.distanceM());
      }
    }
    return Double.NaN;
  }

  private static XYSeries line(XYChart chart, String name, double[] x, double[] y) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    s.setMarker(SeriesMarkers.NONE);
    return s;
  }

  /** Writes two charts one above the other as one PNG, atomically. */
  static void writeStacked(Path png, XYChart top, XYChart bottom) throws IOException {
    BufferedImage a = BitmapEncoder.getBufferedImage(top);
    BufferedImage b = BitmapEncoder.getBufferedImage(bottom);
    BufferedImage both =
        new BufferedImage(
            Math.max(a.getWidth(), b.getWidth()),
            a.getHeight() + b.getHeight(),
            BufferedImage.TYPE_INT_RGB);
    Graphics2D g = both.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, both.getWidth(), both.getHeight());
    g.drawImage(a, 0, 0, null);
    g.drawImage(b, 0, a.getHeight(), null);
    g.dispose();
    ExportFiles.write(png, out -> ImageIO.write(both, "png", out));
  }
}
