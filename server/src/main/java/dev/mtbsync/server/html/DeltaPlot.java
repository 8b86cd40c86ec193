package dev.mtbsync.server.html;

import dev.mtbsync.gps.DeltaTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run's delta time laid out for an inline SVG ({@code tag/deltaplot.jte}): distance along the
 * trail across (reference time where no GPS track measured it), new minus reference up, so above
 * the zero line the new run is behind. The area between the curve and zero is red where time is
 * lost and green where it is gained; each timing gate is a vertical line numbered as in the splits
 * table, with the time won or lost over the sector it closes.
 *
 * @param area the frame
 * @param x distance (m) or reference time (s)
 * @param y seconds, new minus reference
 * @param yTicks the y ticks, labels signed
 * @param xLabel what x is
 * @param zeroY y of the zero line
 * @param line the curve's polyline ({@code d} of a path)
 * @param lost closed areas above zero ({@code d} of a path, one subpath per stretch)
 * @param gained closed areas below zero
 * @param gates the gates inside the curve's range
 * @param empty a note drawn instead of the plot when there is nothing to draw, else null
 */
public record DeltaPlot(
    PlotArea area,
    Axis x,
    Axis y,
    List<Axis.Tick> yTicks,
    String xLabel,
    double zeroY,
    String line,
    String lost,
    String gained,
    List<GateLine> gates,
    String empty) {

  /**
   * A gate: its line at {@code x}, a dot on the curve at {@code dotY}, a label at {@code labelY}.
   *
   * @param tone {@code good} (sector gained), {@code bad} (lost) or empty (the start)
   */
  public record GateLine(
      double x, double dotY, double labelY, String anchor, String label, String tone, String tip) {}

  /**
   * A gate to draw.
   *
   * @param sectorDeltaSec new minus reference over the sector it closes, null at the first
   */
  public record Gate(int number, String name, double tRef, Double sectorDeltaSec) {}

  static final PlotArea AREA = new PlotArea(760, 270, 48, 14, 30, 40);

  /** Points drawn at most: the curve is smooth, a long run needs no more for its shape. */
  static final int MAX_POINTS = 800;

  /**
   * @param curve delta.csv's points in trail order
   * @param gates splits.csv's gates
   */
  public static DeltaPlot of(List<DeltaTime.Point> curve, List<Gate> gates) {
    if (curve.size() < 2) {
      Axis x = Axis.covering(0, 1, 5, AREA.plotLeft(), AREA.plotRight());
      Axis y = Axis.covering(-1, 1, 4, AREA.plotBottom(), AREA.top());
      return new DeltaPlot(
          AREA,
          x,
          y,
          signed(y),
          "",
          y.at(0),
          "",
          "",
          "",
          List.of(),
          curve.isEmpty() ? "no points in delta.csv" : "one point: no curve to draw");
    }
    boolean byDistance = curve.stream().allMatch(p -> Double.isFinite(p.distanceM()));
    List<DeltaTime.Point> pts = thin(curve);
    int n = pts.size();
    double[] xs = new double[n];
    double[] ys = new double[n];
    double lo = -0.5;
    double hi = 0.5;
    for (int i = 0; i < n; i++) {
      xs[i] = byDistance ? pts.get(i).distanceM() : pts.get(i).tRef();
      ys[i] = pts.get(i).deltaSec();
      lo = Math.min(lo, ys[i]);
      hi = Math.max(hi, ys[i]);
    }
    Axis x = Axis.covering(xs[0], xs[n - 1], 8, AREA.plotLeft(), AREA.plotRight());
    Axis y = Axis.covering(lo, hi, 5, AREA.plotBottom(), AREA.top());

    StringBuilder line = new StringBuilder();
    for (int i = 0; i < n; i++) {
      line.append(i == 0 ? "M" : "L").append(x.at(xs[i])).append(',').append(y.at(ys[i]));
    }
    StringBuilder lost = new StringBuilder();
    StringBuilder gained = new StringBuilder();
    areas(xs, ys, x, y, lost, gained);

    List<GateLine> lines = new ArrayList<>();
    int row = 0;
    for (Gate g : gates) {
      double gx = byDistance ? distanceAt(curve, g.tRef()) : g.tRef();
      double gd = deltaAt(curve, g.tRef());
      if (Double.isNaN(gx) || Double.isNaN(gd)) {
        continue;
      }
      double px = x.at(gx);
      boolean right = px > AREA.plotRight() - 60;
      String delta =
          g.sectorDeltaSec() == null
              ? null
              : String.format(Locale.ROOT, "%+.2f", g.sectorDeltaSec());
      String tone =
          g.sectorDeltaSec() == null
              ? ""
              : g.sectorDeltaSec() > 0 ? "bad" : g.sectorDeltaSec() < 0 ? "good" : "";
      lines.add(
          new GateLine(
              px,
              y.at(gd),
              AREA.top() - 17 + 12 * (row++ % 2),
              right ? "end" : "start",
              delta == null ? g.number() + " start" : g.number() + " " + delta,
              tone,
              String.format(
                  Locale.ROOT,
                  "%d %s: %s%s, %+.2f s in all",
                  g.number(),
                  g.name(),
                  byDistance
                      ? String.format(Locale.ROOT, "%.0f m", gx)
                      : String.format(Locale.ROOT, "ref %.2f s", gx),
                  delta == null ? "" : ", sector " + delta + " s",
                  Math.abs(gd) < 0.005 ? 0.0 : gd)));
    }
    return new DeltaPlot(
        AREA,
        x,
        y,
        signed(y),
        byDistance ? "distance along the trail (m)" : "reference time (s)",
        y.at(0),
        line.toString(),
        lost.toString(),
        gained.toString(),
        lines,
        null);
  }

  /**
   * The areas between the curve and zero: a stretch of one sign at a time, split where the curve
   * crosses zero, each closed along the zero line.
   */
  static void areas(
      double[] xs, double[] ys, Axis x, Axis y, StringBuilder lost, StringBuilder gained) {
    List<double[]> run = new ArrayList<>();
    run.add(new double[] {xs[0], 0});
    run.add(new double[] {xs[0], ys[0]});
    int sign = (int) Math.signum(ys[0]);
    for (int i = 1; i < xs.length; i++) {
      int s = (int) Math.signum(ys[i]);
      if (sign != 0 && s != 0 && s != sign) {
        double xc = xs[i - 1] + (xs[i] - xs[i - 1]) * ys[i - 1] / (ys[i - 1] - ys[i]);
        run.add(new double[] {xc, 0});
        close(run, sign, x, y, lost, gained);
        run = new ArrayList<>();
        run.add(new double[] {xc, 0});
        sign = s;
      } else if (sign == 0) {
        sign = s;
      }
      run.add(new double[] {xs[i], ys[i]});
    }
    run.add(new double[] {xs[xs.length - 1], 0});
    close(run, sign, x, y, lost, gained);
  }

  private static void close(
      List<double[]> run, int sign, Axis x, Axis y, StringBuilder lost, StringBuilder gained) {
    if (sign == 0) {
      return;
    }
    StringBuilder b = sign > 0 ? lost : gained;
    for (int i = 0; i < run.size(); i++) {
      b.append(i == 0 ? "M" : "L").append(x.at(run.get(i)[0])).append(',');
      b.append(y.at(run.get(i)[1]));
    }
    b.append('Z');
  }

  /** Every k-th point (and the last) when the curve has more than {@link #MAX_POINTS}. */
  private static List<DeltaTime.Point> thin(List<DeltaTime.Point> curve) {
    if (curve.size() <= MAX_POINTS) {
      return curve;
    }
    int k = (int) Math.ceil(curve.size() / (double) MAX_POINTS);
    List<DeltaTime.Point> out = new ArrayList<>();
    for (int i = 0; i < curve.size(); i += k) {
      out.add(curve.get(i));
    }
    if ((curve.size() - 1) % k != 0) {
      out.add(curve.get(curve.size() - 1));
    }
    return out;
  }

  /** y tick labels with their sign: +1, 0, -1. */
  private static List<Axis.Tick> signed(Axis y) {
    List<Axis.Tick> out = new ArrayList<>();
    for (Axis.Tick t : y.ticks()) {
      String l = t.label();
      out.add(new Axis.Tick(t.at(), l.startsWith("-") || l.equals("0") ? l : "+" + l));
    }
    return out;
  }

  /** Distance (m) of the curve at reference time t, linear between points; NaN outside. */
  static double distanceAt(List<DeltaTime.Point> curve, double tRef) {
    return at(curve, tRef, true);
  }

  /** Delta (s) of the curve at reference time t, linear between points; NaN outside. */
  static double deltaAt(List<DeltaTime.Point> curve, double tRef) {
    return at(curve, tRef, false);
  }

  private static double at(List<DeltaTime.Point> curve, double tRef, boolean distance) {
    for (int i = 1; i < curve.size(); i++) {
      DeltaTime.Point a = curve.get(i - 1);
      DeltaTime.Point b = curve.get(i);
      if (tRef >= a.tRef() && tRef <= b.tRef()) {
        double f = b.tRef() > a.tRef() ? (tRef - a.tRef()) / (b.tRef() - a.tRef()) : 0;
        double va = distance ? a.distanceM() : a.deltaSec();
        double vb = distance ? b.distanceM() : b.deltaSec();
        return va + f * (vb - va);
      }
    }
    return Double.NaN;
  }
}
