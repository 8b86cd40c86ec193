package dev.mtbsync.server.html;

import dev.mtbsync.quality.Histogram;
import java.util.ArrayList;
import java.util.List;

/**
 * A histogram laid out for an inline SVG ({@code tag/barchart.jte}): bar rectangles, count labels,
 * a y axis and the strict limit as a dashed line.
 *
 * @param title the chart's heading
 * @param subtitle what was counted ("12 runs with a fitted warp")
 * @param area the frame
 * @param bars one per bucket
 * @param ticks y-axis ticks
 * @param limit the strict limit's line, null when it falls on no bucket edge
 * @param empty a note drawn instead of bars when nothing was counted, else null
 */
public record BarChart(
    String title,
    String subtitle,
    PlotArea area,
    List<Bar> bars,
    List<PlotArea.Tick> ticks,
    Marker limit,
    String empty) {

  /**
   * One bar.
   *
   * @param x left edge
   * @param y top edge
   * @param w width
   * @param h height
   * @param centre x of its centre (labels)
   * @param label the bucket's label
   * @param count runs in the bucket
   * @param failing the bucket lies beyond the strict limit
   */
  public record Bar(
      double x,
      double y,
      double w,
      double h,
      double centre,
      String label,
      int count,
      boolean failing) {}

  /** A vertical line at {@code x}, labelled. */
  public record Marker(double x, String label) {}

  static final PlotArea AREA = new PlotArea(420, 230, 34, 10, 22, 46);

  /**
   * @param higherIsWorse whether buckets above the limit fail it (P90, |ppm|) or those below it
   *     (inlier fraction)
   */
  public static BarChart of(Histogram h, boolean higherIsWorse) {
    int n = h.counts().size();
    int max = h.counts().stream().mapToInt(Integer::intValue).max().orElse(0);
    int top = max % 2 == 0 ? max : max + 1; // even, so the middle tick is a whole number
    double slot = AREA.plotWidth() / n;
    List<Bar> bars = new ArrayList<>();
    Marker limit = null;
    for (int i = 0; i < n; i++) {
      int count = h.counts().get(i);
      double x = AREA.plotLeft() + i * slot;
      double y = AREA.y(count, top);
      double lower = h.edges().get(i);
      boolean failing =
          h.limit() != null
              && (higherIsWorse
                  ? lower >= h.limit()
                  : i + 1 < n && h.edges().get(i + 1) <= h.limit());
      bars.add(
          new Bar(
              PlotArea.round(x + slot * 0.12),
              y,
              PlotArea.round(slot * 0.76),
              PlotArea.round(AREA.plotBottom() - y),
              PlotArea.round(x + slot / 2),
              h.labels().get(i),
              count,
              failing));
      if (h.limit() != null && i > 0 && lower == h.limit()) {
        String unit = h.unit().isEmpty() ? "" : " " + h.unit();
        limit =
            new Marker(
                PlotArea.round(x),
                "strict " + (higherIsWorse ? "≤ " : "≥ ") + PlotArea.number(h.limit()) + unit);
      }
    }
    int total = h.total();
    return new BarChart(
        h.title(),
        total + (total == 1 ? " run" : " runs") + " with a fitted warp",
        AREA,
        bars,
        AREA.ticks(top, PlotArea::number),
        limit,
        total == 0 ? "no run with a fitted warp" : null);
  }
}
