package dev.mtbsync.align;

import java.util.Arrays;

/**
 * A monotone (non-decreasing) mapping from new-run time to reference time, through knots, with
 * monotone cubic Hermite interpolation (Fritsch-Carlson), and a confidence at each knot.
 *
 * <p>DESIGN NOTE: written by hand: commons-math and Hipparchus interpolate splines but none that is
 * guaranteed monotone, and a mapping that runs backwards would move markers out of order.
 *
 * @param tNew knot times in the new video (s), strictly increasing
 * @param tRef reference times at the knots (s), non-decreasing
 * @param confidence 0 to 1 at each knot
 * @param sigma standard uncertainty (s, reference time) of the mapping at each knot; NaN where
 *     unknown (a mapping read from an older file)
 */
public record MonotoneWarp(double[] tNew, double[] tRef, double[] confidence, double[] sigma) {

  /**
   * Between knots further apart than this (s) the mapping interpolates across a stretch without
   * pairs, and its uncertainty grows with the gap (see {@link #sigmaAt}).
   */
  static final double GAP_SEC = 1.0;

  /**
   * Share of a gap's length taken as the uncertainty in its middle: a rider's pace varies by about
   * a tenth over a few seconds, and a cubic between the gap's ends misses about half of that.
   */
  static final double GAP_SIGMA_PER_SEC = 0.05;

  /** A mapping whose uncertainty is unknown. */
  public MonotoneWarp(double[] tNew, double[] tRef, double[] confidence) {
    this(tNew, tRef, confidence, nans(tNew.length));
  }

  public MonotoneWarp {
    if (tNew.length < 2
        || tNew.length != tRef.length
        || tNew.length != confidence.length
        || tNew.length != sigma.length) {
      throw new IllegalArgumentException("a warp needs at least two knots of equal length arrays");
    }
    for (int i = 1; i < tNew.length; i++) {
      if (!(tNew[i] > tNew[i - 1]) || tRef[i] < tRef[i - 1]) {
        throw new IllegalArgumentException("warp knots must increase (knot " + i + ")");
      }
    }
  }

  /**
   * The same mapping with every knot's uncertainty times {@code factor} (at least 1): for a pair
   * whose pictures leave a known error out of the pairs' scatter.
   */
  public MonotoneWarp widened(double factor) {
    if (!(factor > 1)) {
      return this;
    }
    double[] s = sigma.clone();
    for (int i = 0; i < s.length; i++) {
      s[i] *= factor;
    }
    return new MonotoneWarp(tNew, tRef, confidence, s);
  }

  /** First new time (s) the mapping covers. */
  public double validFrom() {
    return tNew[0];
  }

  /** Last new time (s) the mapping covers. */
  public double validTo() {
    return tNew[tNew.length - 1];
  }

  /** Reference time (s) at new time {@code t}, clamped to the covered range. */
  public double map(double t) {
    int n = tNew.length;
    if (t <= tNew[0]) {
      return tRef[0];
    }
    if (t >= tNew[n - 1]) {
      return tRef[n - 1];
    }
    int i = segment(tNew, t);
    double h = tNew[i + 1] - tNew[i];
    double s = (t - tNew[i]) / h;
    double[] m = slopes();
    double h00 = (1 + 2 * s) * (1 - s) * (1 - s);
    double h10 = s * (1 - s) * (1 - s);
    double h01 = s * s * (3 - 2 * s);
    double h11 = s * s * (s - 1);
    double r = h00 * tRef[i] + h10 * h * m[i] + h01 * tRef[i + 1] + h11 * h * m[i + 1];
    // the curve stays within its knots; clamping removes rounding that could run backwards
    return Math.max(tRef[i], Math.min(tRef[i + 1], r));
  }

  /**
   * New time (s) at which the mapping first reaches reference time {@code t}, or NaN when {@code t}
   * is outside the reference times covered.
   */
  public double inverse(double t) {
    int n = tRef.length;
    if (t < tRef[0] || t > tRef[n - 1]) {
      return Double.NaN;
    }
    double lo = tNew[0];
    double hi = tNew[n - 1];
    for (int it = 0; it < 60; it++) { // bisection: the mapping is monotone, so it converges
      double mid = 0.5 * (lo + hi);
      if (map(mid) < t) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  /** Confidence at new time {@code t}, linear between knots, 0 outside the covered range. */
  public double confidenceAt(double t) {
    int n = tNew.length;
    if (t < tNew[0] || t > tNew[n - 1]) {
      return 0;
    }
    int i = Math.min(n - 2, segment(tNew, t));
    double f = (t - tNew[i]) / (tNew[i + 1] - tNew[i]);
    return confidence[i] + f * (confidence[i + 1] - confidence[i]);
  }

  /** Whether the knots carry an uncertainty. */
  public boolean hasSigma() {
    for (double v : sigma) {
      if (!Double.isNaN(v)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Standard uncertainty (s, reference time) of {@link #map} at new time {@code t}: the knots'
   * uncertainty, linear between them, plus, inside a stretch of more than {@link #GAP_SEC} without
   * knots, a share of the gap that is largest in its middle (added in quadrature). NaN outside the
   * covered range or where the knots carry none.
   */
  public double sigmaAt(double t) {
    int n = tNew.length;
    if (t < tNew[0] || t > tNew[n - 1]) {
      return Double.NaN;
    }
    int i = Math.min(n - 2, segment(tNew, t));
    double h = tNew[i + 1] - tNew[i];
    double f = (t - tNew[i]) / h;
    double s = sigma[i] + f * (sigma[i + 1] - sigma[i]);
    if (h > GAP_SEC) {
      double gap = GAP_SIGMA_PER_SEC * h * 2 * Math.min(f, 1 - f);
      s = Math.sqrt(s * s + gap * gap);
    }
    return s;
  }

  /** Slope d(t_ref)/d(t_new) of the mapping at new time {@code t} (by a central difference). */
  public double slopeAt(double t) {
    double h = 0.05;
    double a = Math.max(validFrom(), t - h);
    double b = Math.min(validTo(), t + h);
    return b > a ? (map(b) - map(a)) / (b - a) : 1;
  }

  private static double[] nans(int n) {
    double[] out = new double[n];
    Arrays.fill(out, Double.NaN);
    return out;
  }

  /** Fritsch-Carlson tangents: secant averages, limited so no segment overshoots. */
  private double[] slopes() {
    int n = tNew.length;
    double[] d = new double[n - 1];
    for (int i = 0; i < n - 1; i++) {
      d[i] = (tRef[i + 1] - tRef[i]) / (tNew[i + 1] - tNew[i]);
    }
    double[] m = new double[n];
    m[0] = d[0];
    m[n - 1] = d[n - 2];
    for (int i = 1; i < n - 1; i++) {
      m[i] = d[i - 1] * d[i] <= 0 ? 0 : 0.5 * (d[i - 1] + d[i]);
    }
    for (int i = 0; i < n - 1; i++) {
      if (d[i] == 0) {
        m[i] = 0;
        m[i + 1] = 0;
        continue;
      }
      double a = m[i] / d[i];
      double b = m[i + 1] / d[i];
      double r = a * a + b * b;
      if (r > 9) {
        double tau = 3 / Math.sqrt(r);
        m[i] = tau * a * d[i];
        m[i + 1] = tau * b * d[i];
      }
    }
    return m;
  }

  private static int segment(double[] x, double t) {
    int i = Arrays.binarySearch(x, t);
    if (i >= 0) {
      return Math.min(i, x.length - 2);
    }
    return Math.max(0, Math.min(x.length - 2, -i - 2));
  }
}
