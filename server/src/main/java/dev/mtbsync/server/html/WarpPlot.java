package dev.mtbsync.server.html;

import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.markers.ConfidenceBand;
import dev.mtbsync.match.TimePair;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A run's time pairs and fitted warp laid out for an inline SVG ({@code tag/warpplot.jte}): new-run
 * time across, reference time up; the pairs the warp kept as dots coloured by confidence, the
 * others (outliers) as grey rings, the warp as a line, the identity diagonal dashed, and the
 * transferred markers as diamonds on the warp.
 *
 * @param area the frame
 * @param x new-run time axis (s)
 * @param y reference time axis (s)
 * @param warp the warp's polyline ({@code d} of a path), empty without a warp
 * @param identity the diagonal t_ref = t_new within the plot, empty when it misses it
 * @param kept the pairs the warp kept
 * @param outliers the other pairs tried
 * @param markers transferred markers on the warp
 * @param empty a note drawn instead of the plot when there is nothing to draw, else null
 */
public record WarpPlot(
    PlotArea area,
    Axis x,
    Axis y,
    String warp,
    String identity,
    List<Dot> kept,
    List<Dot> outliers,
    List<Diamond> markers,
    String empty) {

  /** A pair: its place, its confidence band ({@link ConfidenceBand#cssClass}) and tooltip. */
  public record Dot(double x, double y, String band, String tip) {}

  /** A marker on the warp. */
  public record Diamond(double x, double y, String name, boolean review, String tip) {}

  /** A marker to draw: its name, both times (s) and whether it needs review. */
  public record Mark(String name, double tNew, double tRef, boolean review) {}

  /** The confidence bands the dots are coloured by, highest first, for the plot's legend. */
  public List<ConfidenceBand> bands() {
    return List.of(ConfidenceBand.values());
  }

  static final PlotArea AREA = new PlotArea(720, 400, 48, 14, 14, 40);

  /** Samples along the warp's curve: enough for a smooth line, few enough for a small page. */
  static final int CURVE_SAMPLES = 240;

  /**
   * @param warp the fitted mapping, or null
   * @param kept the pairs it kept ({@code pairs.csv})
   * @param raw every pair tried ({@code pairs_raw.csv}); those not kept are drawn as outliers
   * @param marks transferred markers with a t_new
   */
  public static WarpPlot of(
      MonotoneWarp warp, List<TimePair> kept, List<TimePair> raw, List<Mark> marks) {
    if (warp == null && kept.isEmpty() && raw.isEmpty()) {
      Axis x = Axis.covering(0, 1, 5, AREA.plotLeft(), AREA.plotRight());
      Axis y = Axis.covering(0, 1, 5, AREA.plotBottom(), AREA.top());
      return new WarpPlot(AREA, x, y, "", "", List.of(), List.of(), List.of(), "no pairs to plot");
    }
    double xMax = 0;
    double yMax = 0;
    for (TimePair p : raw) {
      xMax = Math.max(xMax, p.tNew());
      yMax = Math.max(yMax, p.tRef());
    }
    for (TimePair p : kept) {
      xMax = Math.max(xMax, p.tNew());
      yMax = Math.max(yMax, p.tRef());
    }
    if (warp != null) {
      xMax = Math.max(xMax, warp.validTo());
      yMax = Math.max(yMax, warp.map(warp.validTo()));
    }
    Axis x = Axis.covering(0, xMax, 6, AREA.plotLeft(), AREA.plotRight());
    Axis y = Axis.covering(0, yMax, 5, AREA.plotBottom(), AREA.top());

    Set<String> keptKeys = new HashSet<>();
    List<Dot> keptDots = new ArrayList<>();
    for (TimePair p : kept) {
      keptKeys.add(key(p));
      keptDots.add(
          new Dot(
              x.at(p.tNew()),
              y.at(p.tRef()),
              ConfidenceBand.of(p.score()).cssClass(),
              String.format(
                  Locale.ROOT,
                  "new %.2f s → ref %.2f s, confidence %.2f",
                  p.tNew(),
                  p.tRef(),
                  p.score())));
    }
    List<Dot> outliers = new ArrayList<>();
    for (TimePair p : raw) {
      if (!keptKeys.contains(key(p)) && p.inliers() > 0) {
        outliers.add(
            new Dot(
                x.at(p.tNew()),
                y.at(p.tRef()),
                "out",
                String.format(
                    Locale.ROOT, "outlier: new %.2f s → ref %.2f s", p.tNew(), p.tRef())));
      }
    }
    StringBuilder curve = new StringBuilder();
    List<Diamond> diamonds = new ArrayList<>();
    if (warp != null) {
      double a = warp.validFrom();
      double b = warp.validTo();
      for (int i = 0; i <= CURVE_SAMPLES; i++) {
        double t = a + (b - a) * i / CURVE_SAMPLES;
        curve.append(i == 0 ? "M" : "L").append(x.at(t)).append(',').append(y.at(warp.map(t)));
      }
      for (Mark m : marks) {
        diamonds.add(
            new Diamond(
                x.at(m.tNew()),
                y.at(m.tRef()),
                m.name(),
                m.review(),
                String.format(
                    Locale.ROOT, "%s: new %.2f s, ref %.2f s", m.name(), m.tNew(), m.tRef())));
      }
    }
    double d0 = Math.max(x.min(), y.min());
    double d1 = Math.min(x.max(), y.max());
    String identity =
        d1 > d0 ? "M" + x.at(d0) + "," + y.at(d0) + "L" + x.at(d1) + "," + y.at(d1) : "";
    return new WarpPlot(AREA, x, y, curve.toString(), identity, keptDots, outliers, diamonds, null);
  }

  private static String key(TimePair p) {
    return String.format(Locale.ROOT, "%.4f", p.tNew());
  }
}
