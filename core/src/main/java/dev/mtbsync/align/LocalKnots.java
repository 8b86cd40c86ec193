package dev.mtbsync.align;

import dev.mtbsync.match.TimePair;
import dev.mtbsync.stats.LeastSquares;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The knots of a fitted warp: one per kept pair and one per pin, each pair's reference time
 * smoothed by a weighted local parabola through the pairs (and pins) within half a window either
 * side; pins are kept exactly; the result is made non-decreasing.
 *
 * <p>DESIGN NOTE: a local polynomial, not a local mean, so that the smoothing follows the rider's
 * changes of pace; a mean over a window pulls the curve across the corner where a rider comes to a
 * stop, and markers placed just before a stop come out late (measured: 0.4 s late with 1.5 s means,
 * 30 ms with local lines). A parabola rather than a line because a line through a window where the
 * rider speeds up or slows down is off by about curvature x half-window^2 / 6: the warp's error
 * followed the pace changes in waves of +-60 ms on synth pairs, and the marker P90 fell from 2.5 to
 * 1.9 frames with parabolas.
 *
 * <p>DESIGN NOTE (pins): a pin enters its neighbours' parabolas with a weight far above any pair's,
 * so the curve near a pin bends to it rather than jumping at it. A stretch longer than {@link
 * MonotoneWarp#GAP_SEC} without pairs next to a pin is filled with knots from a cubic through its
 * ends with the local parabolas' slopes there: the monotone spline alone takes the chord's slope at
 * a gap's ends, and over a 6 s gap that put markers 3 frames off where the rider changed pace.
 */
final class LocalKnots {

  /** Weight of a pin in its neighbours' parabolas; pairs weigh at most 1 (their score). */
  static final double PIN_WEIGHT = 1000;

  /** Spacing (s) of the knots that fill a stretch without pairs beside a pin. */
  static final double FILL_STEP_SEC = 0.25;

  private LocalKnots() {}

  /** A pair (its isotonic value and its raw reference time) or a pin. */
  private record Point(double x, double y, double raw, double w, boolean pin) {}

  /** A knot: new time, reference time, confidence, sigma, slope (NaN: unknown), pin. */
  private record Knot(double x, double y, double conf, double sigma, double slope, boolean pin) {}

  static MonotoneWarp build(List<TimePair> kept, double[] tRef, Anchors anchors, double window) {
    List<Point> pts = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      TimePair p = kept.get(i);
      pts.add(new Point(p.tNew(), tRef[i], p.tRef(), Math.max(1e-3, p.score()), false));
    }
    for (Anchor a : anchors.pins()) {
      pts.add(new Point(a.tNew(), a.tRef(), a.tRef(), PIN_WEIGHT, true));
    }
    pts.sort(Comparator.comparingDouble(Point::x).thenComparing(p -> !p.pin()));
    int n = pts.size();
    double half = window / 2;
    List<Knot> knots = new ArrayList<>();
    int lo = 0;
    int hi = 0;
    for (int i = 0; i < n; i++) {
      Point pt = pts.get(i);
      double t = pt.x();
      while (pts.get(lo).x() < t - half) {
        lo++;
      }
      while (hi + 1 < n && pts.get(hi + 1).x() <= t + half) {
        hi++;
      }
      List<Point> near = pts.subList(lo, hi + 1);
      double[] coef = localFit(near, t);
      // at a pin, the pace from a parabola through the pairs alone, two windows either side: the
      // pin, off by up to half a frame, would tilt it, and beside a gap half a window holds too
      // few pairs (repairing a 5 s stretch: worst marker 0.98 frame with one window, 0.62 with two)
      double[] paced = pt.pin() ? localFit(pairsWithin(pts, t, 2 * window), t) : coef;
      double slope = paced.length > 1 ? paced[1] : Double.NaN;
      double conf = 0;
      for (int k = lo; k <= hi; k++) {
        conf += Math.min(1, pts.get(k).w());
      }
      conf /= hi - lo + 1;
      Knot knot;
      if (pt.pin()) {
        knot = new Knot(t, pt.y(), 1, anchors.pinSigma(), slope, true);
      } else {
        double[] b = anchors.bracket(t);
        double value = Math.max(b[0], Math.min(b[1], coef[0]));
        double sigma =
            Math.min(
                coef.length > 1 ? knotSigma(near, t, coef) : WarpFitter.UNKNOWN_SIGMA_SEC,
                anchors.sigmaAt(t));
        knot = new Knot(t, value, conf, sigma, slope, false);
      }
      if (knots.isEmpty() || t > knots.get(knots.size() - 1).x() + 1e-6) {
        knots.add(knot);
      } else if (knot.pin() && !knots.get(knots.size() - 1).pin()) {
        knots.set(knots.size() - 1, knot); // a pin outranks a pair at the same moment
      }
    }
    if (knots.size() < 2) {
      Knot only = knots.get(0);
      knots.add(new Knot(only.x() + 1e-3, only.y(), only.conf(), only.sigma(), 0, false));
    }
    return warp(anchors.isEmpty() ? knots : filled(knots));
  }

  /** The knots with the stretches without pairs beside a pin filled (see the class note). */
  private static List<Knot> filled(List<Knot> knots) {
    List<Knot> out = new ArrayList<>();
    for (int k = 0; k + 1 < knots.size(); k++) {
      Knot a = knots.get(k);
      Knot b = knots.get(k + 1);
      out.add(a);
      double h = b.x() - a.x();
      if (!(a.pin() || b.pin()) || h <= MonotoneWarp.GAP_SEC) {
        continue;
      }
      double d = (b.y() - a.y()) / h;
      double m0 = Double.isNaN(a.slope()) ? d : Math.max(0, Math.min(3 * d, a.slope()));
      double m1 = Double.isNaN(b.slope()) ? d : Math.max(0, Math.min(3 * d, b.slope()));
      int steps = (int) Math.ceil(h / FILL_STEP_SEC);
      for (int j = 1; j < steps; j++) {
        double s = j / (double) steps;
        double y =
            (1 + 2 * s) * (1 - s) * (1 - s) * a.y()
                + s * (1 - s) * (1 - s) * h * m0
                + s * s * (3 - 2 * s) * b.y()
                + s * s * (s - 1) * h * m1;
        double sigma =
            Math.min(Anchors.grown(a.sigma(), s * h), Anchors.grown(b.sigma(), (1 - s) * h));
        out.add(
            new Knot(
                a.x() + s * h,
                Math.max(a.y(), Math.min(b.y(), y)),
                Math.min(a.conf(), b.conf()),
                sigma,
                Double.NaN,
                false));
      }
    }
    out.add(knots.get(knots.size() - 1));
    return out;
  }

  private static MonotoneWarp warp(List<Knot> knots) {
    double[] kn = new double[knots.size()];
    double[] kr = new double[knots.size()];
    double[] kc = new double[knots.size()];
    double[] ks = new double[knots.size()];
    for (int k = 0; k < kn.length; k++) {
      Knot kt = knots.get(k);
      kn[k] = kt.x();
      kr[k] = k == 0 ? kt.y() : Math.max(kr[k - 1], kt.y());
      kc[k] = Math.min(1, Math.max(0, kt.conf()));
      ks[k] = kt.sigma();
    }
    return new MonotoneWarp(kn, kr, kc, ks);
  }

  private static List<Point> pairsWithin(List<Point> pts, double t, double reach) {
    return pts.stream().filter(p -> !p.pin() && Math.abs(p.x() - t) <= reach).toList();
  }

  /**
   * Weighted least-squares polynomial through the points (x = t_new - t): its coefficients,
   * constant term first; a parabola where there are four points or more, else a line. Points that
   * do not determine it (a singular system) give their weighted mean.
   */
  private static double[] localFit(List<Point> pts, double t) {
    if (pts.isEmpty()) {
      return new double[] {Double.NaN};
    }
    int n = pts.size();
    double[] x = new double[n];
    double[] y = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = pts.get(i).x() - t;
      y[i] = pts.get(i).y();
      w[i] = pts.get(i).w();
    }
    double[] coef = LeastSquares.polynomial(x, y, w, n >= 4 ? 2 : 1);
    if (coef == null) {
      double sw = 0;
      double swy = 0;
      for (int i = 0; i < n; i++) {
        sw += w[i];
        swy += w[i] * y[i];
      }
      return new double[] {swy / Math.max(1e-12, sw)};
    }
    return coef;
  }

  /**
   * Standard uncertainty (s) of a knot: the weighted scatter of the pairs' own reference times
   * about the local polynomial through them, over the square root of the pairs' effective number
   * (times the variance factor of the polynomial's constant term: 1 for a line, 9/4 for a
   * parabola). Pins are left out: they are exact. {@link WarpFitter#UNKNOWN_SIGMA_SEC} where too
   * few pairs leave no scatter to measure.
   */
  private static double knotSigma(List<Point> pts, double t, double[] coef) {
    int n = 0;
    double sw = 0;
    double sw2 = 0;
    double swr2 = 0;
    for (Point p : pts) {
      if (p.pin()) {
        continue;
      }
      double x = p.x() - t;
      double fit = 0;
      for (int d = coef.length - 1; d >= 0; d--) {
        fit = fit * x + coef[d];
      }
      double r = p.raw() - fit;
      n++;
      sw += p.w();
      sw2 += p.w() * p.w();
      swr2 += p.w() * r * r;
    }
    if (n <= coef.length) {
      return WarpFitter.UNKNOWN_SIGMA_SEC;
    }
    double scatter2 = swr2 / sw * n / (n - coef.length);
    double nEff = sw * sw / sw2;
    double factor = coef.length >= 3 ? 2.25 : 1;
    return WarpFitter.SIGMA_CALIBRATION * Math.sqrt(scatter2 * factor / nEff);
  }
}
