package dev.mtbsync.server.html;

import java.util.ArrayList;
import java.util.List;

/**
 * One value per run, oldest to newest, laid out for an inline SVG ({@code tag/series.jte}): a bar
 * per run on a rounded axis, so a drift over time shows at a glance.
 *
 * @param title the chart's heading
 * @param subtitle what is shown
 * @param area the frame
 * @param bars one per run with a value
 * @param ticks y-axis ticks
 * @param limit a horizontal line at the limit, null when it is off the axis
 * @param firstLabel label under the first bar
 * @param lastLabel label under the last bar
 * @param empty a note drawn instead of bars when no run has a value, else null
 */
public record SeriesChart(
    String title,
    String subtitle,
    PlotArea area,
    List<Bar> bars,
    List<PlotArea.Tick> ticks,
    Line limit,
    String firstLabel,
    String lastLabel,
    String empty) {

  /**
   * One run's bar.
   *
   * @param tip the tooltip: the run and its value
   * @param failing the value is beyond the limit
   */
  public record Bar(double x, double y, double w, double h, String tip, boolean failing) {}

  /** A horizontal line at {@code y}, labelled. */
  public record Line(double y, String label) {}

  /** A point of the series: the run's label and its value (null: not measured). */
  public record Point(String label, Double value) {}

  static final PlotArea AREA = new PlotArea(1000, 200, 44, 12, 20, 28);

  /** Widest bar: a handful of runs should not look like a bar chart of five blocks. */
  static final double MAX_BAR = 36;

  /**
   * @param points oldest first
   * @param unit shown after values ("s")
   * @param limit values above it are drawn as failing; null for none
   */
  public static SeriesChart of(
      String title, String subtitle, List<Point> points, String unit, Double limit) {
    List<Point> known = points.stream().filter(p -> p.value() != null).toList();
    double top = niceTop(known.stream().mapToDouble(Point::value).max().orElse(0));
    double slot = known.isEmpty() ? AREA.plotWidth() : AREA.plotWidth() / known.size();
    double w = Math.max(Math.min(slot - Math.min(slot * 0.2, 6), MAX_BAR), 0.5);
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < known.size(); i++) {
      Point p = known.get(i);
      double y = AREA.y(p.value(), top);
      bars.add(
          new Bar(
              PlotArea.round(AREA.plotLeft() + i * slot + (slot - w) / 2),
              y,
              PlotArea.round(w),
              PlotArea.round(AREA.plotBottom() - y),
              p.label() + ": " + PlotArea.number(p.value()) + " " + unit,
              limit != null && p.value() > limit));
    }
    Line line =
        limit != null && top > 0 && limit <= top
            ? new Line(AREA.y(limit, top), "strict ≤ " + PlotArea.number(limit) + " " + unit)
            : null;
    return new SeriesChart(
        title,
        subtitle,
        AREA,
        bars,
        AREA.ticks(top, PlotArea::number),
        line,
        known.isEmpty() ? "" : known.get(0).label(),
        known.size() < 2 ? "" : known.get(known.size() - 1).label(),
        known.isEmpty() ? "no run with a value" : null);
  }

  /** The smallest 1, 2 or 5 times a power of ten at or above {@code max}; 0 for none. */
  static double niceTop(double max) {
    if (!(max > 0)) {
      return 0;
    }
    double p = Math.pow(10, Math.floor(Math.log10(max)));
    for (double m : new double[] {1, 2, 5}) {
      if (m * p >= max * (1 - 1e-12)) {
        return m * p;
      }
    }
    return 10 * p;
  }
}
