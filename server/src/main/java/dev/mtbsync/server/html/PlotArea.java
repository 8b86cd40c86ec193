package dev.mtbsync.server.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The frame of an inline SVG chart: its viewBox and the plot inside the margins, in SVG user units
 * (the SVG scales to its box). Values go up from the x axis at {@link #plotBottom()}.
 *
 * @param width viewBox width
 * @param height viewBox height
 * @param left margin left of the y axis (tick labels)
 * @param right margin right of the plot
 * @param top margin above the plot (labels of lines)
 * @param bottom margin below the x axis (bar labels)
 */
public record PlotArea(
    int width, int height, double left, double right, double top, double bottom) {

  /** A y-axis tick at height {@code y}. */
  public record Tick(double y, String label) {}

  /** x of the y axis. */
  public double plotLeft() {
    return left;
  }

  /** x where the plot ends. */
  public double plotRight() {
    return width - right;
  }

  /** y of the x axis. */
  public double plotBottom() {
    return height - bottom;
  }

  double plotWidth() {
    return width - left - right;
  }

  double plotHeight() {
    return height - top - bottom;
  }

  /** The y of {@code value} on an axis from 0 to {@code axisTop} (the x axis when it is 0). */
  double y(double value, double axisTop) {
    return round(plotBottom() - (axisTop == 0 ? 0 : plotHeight() * value / axisTop));
  }

  /** Ticks at 0, the middle and the top of the axis; none when the axis is empty. */
  List<Tick> ticks(double axisTop, DoubleFunction<String> label) {
    List<Tick> ticks = new ArrayList<>();
    if (axisTop > 0) {
      for (double t : new double[] {0, axisTop / 2, axisTop}) {
        ticks.add(new Tick(y(t, axisTop), label.apply(t)));
      }
    }
    return ticks;
  }

  /** To a tenth of a unit: finer is invisible and bloats the page. */
  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /** A label: whole numbers as such, others to three significant digits (0.05, 1.5, 0.123). */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.valueOf((long) v);
    }
    String s = String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.3g", v);
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }
}
