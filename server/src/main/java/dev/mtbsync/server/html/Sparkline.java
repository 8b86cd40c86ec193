package dev.mtbsync.server.html;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A small line of values, one per row, for a table cell or a card ({@code tag/sparkline.jte}): no
 * axes, the last value marked, gaps where a value is missing.
 *
 * @param label what the values are
 * @param width viewBox width
 * @param height viewBox height
 * @param path the line ({@code d} of a path); empty when fewer than one value
 * @param lastX x of the last value's dot
 * @param lastY y of the last value's dot
 * @param summary the range in words ("0.41–1.20 s, last 0.93 s")
 */
public record Sparkline(
    String label, int width, int height, String path, double lastX, double lastY, String summary) {

  static final int WIDTH = 160;
  static final int HEIGHT = 36;
  static final double PAD = 3;

  /**
   * @param values one per row, null for none
   * @param unit shown after the numbers in the summary
   */
  public static Sparkline of(String label, List<Double> values, String unit) {
    double[] known =
        values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
    if (known.length == 0) {
      return new Sparkline(label, WIDTH, HEIGHT, "", -1, -1, "no values");
    }
    double lo = Arrays.stream(known).min().orElseThrow();
    double hi = Arrays.stream(known).max().orElseThrow();
    double span = hi > lo ? hi - lo : 1;
    int n = values.size();
    StringBuilder d = new StringBuilder();
    boolean pen = false;
    double lastX = -1;
    double lastY = -1;
    for (int i = 0; i < n; i++) {
      Double v = values.get(i);
      if (v == null) {
        pen = false;
        continue;
      }
      double x = PlotArea.round(PAD + (n == 1 ? 0.5 : (double) i / (n - 1)) * (WIDTH - 2 * PAD));
      double y =
          PlotArea.round(HEIGHT - PAD - (hi > lo ? (v - lo) / span : 0.5) * (HEIGHT - 2 * PAD));
      d.append(pen ? "L" : "M").append(x).append(',').append(y);
      if (!pen && (i + 1 >= n || values.get(i + 1) == null)) {
        d.append("h0.1"); // a lone value still shows (round caps)
      }
      pen = true;
      lastX = x;
      lastY = y;
    }
    String u = unit.isEmpty() ? "" : " " + unit;
    String last = PlotArea.number(round3(known[known.length - 1]));
    String summary =
        known.length == 1
            ? last + u
            : PlotArea.number(round3(lo))
                + "–"
                + PlotArea.number(round3(hi))
                + u
                + ", last "
                + last
                + u;
    return new Sparkline(label, WIDTH, HEIGHT, d.toString(), lastX, lastY, summary);
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
