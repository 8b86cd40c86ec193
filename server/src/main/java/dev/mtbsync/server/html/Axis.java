package dev.mtbsync.server.html;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear axis from {@code min} to a rounded {@code max}, with ticks at round steps (1, 2 or 5
 * times a power of ten): maps values to SVG coordinates between {@code from} and {@code to}.
 *
 * @param min the value at {@code from}
 * @param max the value at {@code to}
 * @param step the distance between ticks
 * @param from coordinate of {@code min}
 * @param to coordinate of {@code max} (less than {@code from} for a y axis, which grows upwards)
 */
public record Axis(double min, double max, double step, double from, double to) {

  /** A tick: its coordinate and its label. */
  public record Tick(double at, String label) {}

  /**
   * An axis covering {@code lo..hi} with about {@code ticks} steps; an empty or flat range gets a
   * unit axis.
   */
  public static Axis covering(double lo, double hi, int ticks, double from, double to) {
    if (!(hi > lo)) {
      hi = lo + 1;
    }
    double step = niceStep((hi - lo) / Math.max(1, ticks));
    double min = Math.floor(lo / step) * step;
    double max = Math.ceil(hi / step) * step;
    return new Axis(min, max, step, from, to);
  }

  /** The coordinate of {@code v}, to a tenth. */
  public double at(double v) {
    return PlotArea.round(from + (v - min) / (max - min) * (to - from));
  }

  public List<Tick> ticks() {
    List<Tick> out = new ArrayList<>();
    int n = (int) Math.round((max - min) / step);
    for (int i = 0; i <= n; i++) {
      double v = min + i * step;
      out.add(new Tick(at(v), PlotArea.number(Math.abs(v) < step * 1e-9 ? 0 : v)));
    }
    return out;
  }

  /** The smallest 1, 2 or 5 times a power of ten at or above {@code raw}. */
  static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5}) {
      if (m * p >= raw * (1 - 1e-9)) {
        return m * p;
      }
    }
    return 10 * p;
  }
}
