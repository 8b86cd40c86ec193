package dev.mtbsync.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counts of a metric over fixed buckets: bucket i holds values in {@code [edges[i], edges[i+1])},
 * the last one everything from its lower edge up. Fixed edges keep reports of different roots
 * comparable.
 *
 * @param metric the metric's field name
 * @param title a heading for the chart
 * @param unit the unit of the edges ("s", "ppm", "")
 * @param edges lower edge of each bucket, ascending
 * @param labels one per bucket
 * @param counts runs per bucket
 * @param limit the strict threshold, drawn on charts; null when none
 */
public record Histogram(
    String metric,
    String title,
    String unit,
    List<Double> edges,
    List<String> labels,
    List<Integer> counts,
    Double limit) {

  /** Buckets {@code values} (nulls ignored) by {@code edges}. */
  public static Histogram of(
      String metric, String title, String unit, double[] edges, Double limit, List<Double> values) {
    int[] counts = new int[edges.length];
    for (Double v : values) {
      if (v == null || Double.isNaN(v)) {
        continue;
      }
      int i = edges.length - 1;
      while (i > 0 && v < edges[i]) {
        i--;
      }
      counts[i]++;
    }
    List<Double> e = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<Integer> c = new ArrayList<>();
    for (int i = 0; i < edges.length; i++) {
      e.add(edges[i]);
      c.add(counts[i]);
      labels.add(
          i == edges.length - 1
              ? "≥ " + fmt(edges[i])
              : i == 0 && edges[0] == 0
                  ? "< " + fmt(edges[1])
                  : fmt(edges[i]) + "–" + fmt(edges[i + 1]));
    }
    return new Histogram(metric, title, unit, e, labels, c, limit);
  }

  /** Runs counted. */
  public int total() {
    return counts.stream().mapToInt(Integer::intValue).sum();
  }

  private static String fmt(double v) {
    if (v >= 1000 && v % 1000 == 0) {
      return (long) (v / 1000) + "k";
    }
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
  }
}
