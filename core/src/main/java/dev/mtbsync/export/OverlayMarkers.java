package dev.mtbsync.export;

import dev.mtbsync.markers.NewMarker;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;

/** The markers layer of the {@link OverlayPlot}: points on the warp, axis ticks, guides, names. */
final class OverlayMarkers {

  /** Above this many markers, names and guide lines would bury the plot; points and ticks stay. */
  private static final int MAX_LABELLED = 40;

  static final Color MARKER = new Color(0x4B, 0x2A, 0x8C);
  private static final Color REVIEW = new Color(0xD0, 0x1F, 0x1F);
  private static final Color GUIDE = new Color(0x4B, 0x2A, 0x8C, 70);

  private OverlayMarkers() {}

  /**
   * Adds the markers to the chart: a diamond on the warp for each placed marker and ticks on both
   * axes (red when it needs review), and, up to {@value #MAX_LABELLED} markers, guide lines and
   * names.
   */
  static void add(
      XYChart chart,
      List<NewMarker> markers,
      double xMin,
      double yMin,
      double xMax,
      double yMax,
      int width) {
    List<NewMarker> placed = markers.stream().filter(m -> !Double.isNaN(m.tNew())).toList();
    boolean label = markers.size() <= MAX_LABELLED;
    for (boolean review : new boolean[] {false, true}) {
      List<NewMarker> group = placed.stream().filter(m -> m.needsReview() == review).toList();
      if (group.isEmpty()) {
        continue;
      }
      Color colour = review ? REVIEW : MARKER;
      XYSeries points =
          chart.addSeries(
              review ? "marker to review" : "marker",
              group.stream().mapToDouble(NewMarker::tNew).toArray(),
              group.stream().mapToDouble(NewMarker::tRef).toArray());
      points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      points.setMarker(new Diamond());
      points.setMarkerColor(colour);
      ticks(chart, "new-time ticks" + review, group, colour, true, xMin, yMin);
    }
    List<NewMarker> withRef = markers.stream().filter(m -> !Double.isNaN(m.tRef())).toList();
    for (boolean review : new boolean[] {false, true}) {
      List<NewMarker> group = withRef.stream().filter(m -> m.needsReview() == review).toList();
      if (!group.isEmpty()) {
        ticks(
            chart, "reference ticks" + review, group, review ? REVIEW : MARKER, false, xMin, yMin);
      }
    }
    if (!label) {
      return;
    }
    int guide = 0;
    for (NewMarker m : placed) {
      // a faint path from each axis tick to the marker's point guides the eye
      OverlayPlot.line(
              chart,
              "guide" + guide++,
              new double[] {m.tNew(), m.tNew(), xMin},
              new double[] {yMin, m.tRef(), m.tRef()})
          .setLineColor(GUIDE)
          .setLineStyle(
              new BasicStroke(
                  1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {3, 4}, 0))
          .setShowInLegend(false);
    }
    // names sit up and to the left of their point, where the rising warp leaves room; near the
    // plot's left edge they go down and to the right instead, the other side of the warp
    double dataPerPx = (xMax - xMin) / (width * 0.82);
    for (NewMarker m : placed) {
      double halfText = halfWidth(m.name(), width) * dataPerPx;
      double x = m.tNew() - halfText - 8 * dataPerPx;
      double y = m.tRef() + yMax * 0.018;
      if (x - halfText < xMin) {
        x = m.tNew() + halfText + 8 * dataPerPx;
        y = m.tRef() - yMax * 0.018;
      }
      chart.addAnnotation(new AnnotationText(m.name(), x, y, false));
    }
    // a marker the new run does not reach is named beside its reference tick
    for (NewMarker m : withRef) {
      if (Double.isNaN(m.tNew())) {
        String text = m.name() + " (not in the new run)";
        chart.addAnnotation(
            new AnnotationText(
                text, xMin + (halfWidth(text, width) + 30) * dataPerPx, m.tRef(), false));
      }
    }
  }

  /** Half the width in px of a label, roughly (the annotation font is about 7.3 px a letter). */
  private static double halfWidth(String text, int width) {
    return 3.7 * text.length() * (width / 1400.0);
  }

  /** Tick marks along an axis: on x at each marker's new time, on y at its reference time. */
  private static void ticks(
      XYChart chart,
      String name,
      List<NewMarker> group,
      Color colour,
      boolean onX,
      double xMin,
      double yMin) {
    double[] x = group.stream().mapToDouble(m -> onX ? m.tNew() : xMin).toArray();
    double[] y = group.stream().mapToDouble(m -> onX ? yMin : m.tRef()).toArray();
    XYSeries s = chart.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(new Tick(onX));
    s.setMarkerColor(colour);
    s.setShowInLegend(false);
  }

  /** A short line into the plot from its edge: up from the x axis, or right from the y axis. */
  private static final class Tick extends Marker {
    private final boolean up;

    Tick(boolean up) {
      this.up = up;
    }

    @Override
    public void paint(Graphics2D g, double x, double y, int size) {
      g.setStroke(new BasicStroke(2.5f));
      double length = 2.2 * size;
      g.draw(up ? new Line2D.Double(x, y, x, y - length) : new Line2D.Double(x, y, x + length, y));
    }
  }

  /** A marker's point: a diamond larger than the pair dots, edged white to stand off the line. */
  private static final class Diamond extends Marker {
    @Override
    public void paint(Graphics2D g, double x, double y, int size) {
      double r = 1.1 * size;
      Path2D.Double d = new Path2D.Double();
      d.moveTo(x, y - r);
      d.lineTo(x + r, y);
      d.lineTo(x, y + r);
      d.lineTo(x - r, y);
      d.closePath();
      g.fill(d);
      Color fill = g.getColor();
      g.setColor(Color.WHITE);
      g.setStroke(new BasicStroke(1.5f));
      g.draw(d);
      g.setColor(fill);
    }
  }
}
