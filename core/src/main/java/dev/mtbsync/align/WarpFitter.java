package dev.mtbsync.align;

import dev.mtbsync.match.TimePair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Fits a monotone, non-linear time-warp to time pairs, robust to outliers.
 *
 * <ol>
 *   <li>Outliers: each pair is compared with the robust (Theil-Sen) lines through its neighbours
 *       within three seconds before it and after it; pairs further than the inlier threshold from
 *       both are dropped.
 *   <li>Monotone: the inliers' reference times are made non-decreasing by weighted isotonic
 *       regression (pool-adjacent-violators).
 *   <li>Smooth: each pair becomes a knot on a local parabola through its window, and the knots are
 *       joined by a monotone cubic.
 * </ol>
 */
public final class WarpFitter {

  private static final double NEIGHBOURHOOD_SEC = 3.0;

  /**
   * The pairs' errors are correlated along the run (neighbouring new samples are placed against the
   * same reference samples, and a camera difference biases a whole stretch alike), so the scatter
   * over the square root of their number understates the knot's error. Calibrated on the camera
   * benchmark (scripts/bench-camera.sh: 3 real clips x 8 camera differences, 147 markers): with 1.3
   * the 90 % intervals held the truth for 78 % of the markers, with 2.6 for 94 %.
   */
  static final double SIGMA_CALIBRATION = 2.6;

  /** Uncertainty (s) of a knot whose window holds too few pairs to measure their scatter. */
  static final double UNKNOWN_SIGMA_SEC = 0.25;

  private WarpFitter() {}

  /** The mapping, its quality, and which input pairs it kept (same order as sorted input). */
  public record Fit(
      MonotoneWarp warp, WarpQuality quality, List<TimePair> pairs, boolean[] inlier) {}

  /**
   * @throws IllegalArgumentException when fewer than two usable pairs exist (no mapping at all)
   */
  public static Fit fit(List<TimePair> input, WarpConfig config) {
    config.validate();
    List<TimePair> pairs = new ArrayList<>();
    for (TimePair p : input) {
      if (Double.isFinite(p.tNew()) && Double.isFinite(p.tRef())) {
        pairs.add(p);
      }
    }
    pairs.sort(Comparator.comparingDouble(TimePair::tNew));
    int n = pairs.size();
    boolean[] inlier = new boolean[n];
    for (int i = 0; i < n; i++) {
      // either side may agree: at the corner where a rider stops, only one of them does
      double tRef = pairs.get(i).tRef();
      double before = Math.abs(tRef - localTrend(pairs, i, -1));
      double after = Math.abs(tRef - localTrend(pairs, i, 1));
      if (Double.isNaN(before) && Double.isNaN(after)) {
        inlier[i] = true; // nobody to judge it by
      } else {
        double closest =
            Double.isNaN(before) ? after : Double.isNaN(after) ? before : Math.min(before, after);
        inlier[i] = closest <= config.inlierThreshSec();
      }
    }
    List<TimePair> kept = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (inlier[i]) {
        kept.add(pairs.get(i));
      }
    }
    if (kept.size() < 2) {
      throw new IllegalArgumentException(
          "too few matching moments to fit a time-warp (" + kept.size() + " of " + n + " pairs)");
    }
    double[] monotone = isotonic(kept);
    MonotoneWarp warp = knots(kept, monotone, config.windowSec());
    WarpQuality quality = quality(pairs, kept, warp, config);
    return new Fit(warp, quality, pairs, inlier);
  }

  /**
   * Reference time the neighbours on one side of pair i ({@code side} -1: before, 1: after) predict
   * at pair i; the pair's own value when that side has too few neighbours to judge.
   */
  private static double localTrend(List<TimePair> pairs, int i, int side) {
    double t = pairs.get(i).tNew();
    List<TimePair> near = new ArrayList<>();
    for (TimePair p : pairs) {
      double d = (p.tNew() - t) * side;
      if (p != pairs.get(i) && d >= 0 && d <= NEIGHBOURHOOD_SEC) {
        near.add(p);
      }
    }
    if (near.size() < 3) {
      return Double.NaN;
    }
    List<Double> slopes = new ArrayList<>();
    for (int a = 0; a < near.size(); a++) {
      for (int b = a + 1; b < near.size(); b++) {
        double dt = near.get(b).tNew() - near.get(a).tNew();
        if (dt > 1e-6) {
          slopes.add((near.get(b).tRef() - near.get(a).tRef()) / dt);
        }
      }
    }
    double slope = Math.max(0, median(slopes));
    List<Double> offsets = new ArrayList<>();
    for (TimePair p : near) {
      offsets.add(p.tRef() - slope * (p.tNew() - t));
    }
    return median(offsets);
  }

  /** Weighted pool-adjacent-violators: the closest non-decreasing sequence. */
  static double[] isotonic(List<TimePair> pairs) {
    double[] value = new double[pairs.size()];
    double[] weight = new double[pairs.size()];
    for (int i = 0; i < value.length; i++) {
      value[i] = pairs.get(i).tRef();
      weight[i] = Math.max(1e-3, pairs.get(i).score());
    }
    return Isotonic.fit(value, weight);
  }

  /**
   * One knot per pair, its reference time smoothed by a weighted local parabola through the pairs
   * within half a window either side, then made non-decreasing again.
   *
   * <p>DESIGN NOTE: a local polynomial, not a local mean, so that the smoothing follows the rider's
   * changes of pace; a mean over a window pulls the curve across the corner where a rider comes to
   * a stop, and markers placed just before a stop come out late (measured: 0.4 s late with 1.5 s
   * means, 30 ms with local lines). A parabola rather than a line because a line through a window
   * where the rider speeds up or slows down is off by about curvature x half-window^2 / 6: the
   * warp's error followed the pace changes in waves of +-60 ms on synth pairs, and the marker P90
   * fell from 2.5 to 1.9 frames with parabolas.
   */
  /**
   * Weighted least-squares polynomial through pairs {@code lo..hi} (x = t_new - t), evaluated at
   * {@code t}: the constant term. Small normal equations solved by hand: three unknowns do not need
   * a linear-algebra library.
   */
  private static double[] localFit(List<TimePair> kept, double[] tRef, int lo, int hi, double t) {
    int m = hi - lo + 1 >= 4 ? 3 : 2; // a parabola where there are enough pairs, else a line
    double[][] a = new double[m][m + 1];
    for (int k = lo; k <= hi; k++) {
      double w = Math.max(1e-3, kept.get(k).score());
      double x = kept.get(k).tNew() - t;
      double[] p = new double[m];
      p[0] = 1;
      for (int d = 1; d < m; d++) {
        p[d] = p[d - 1] * x;
      }
      for (int r = 0; r < m; r++) {
        for (int c = 0; c < m; c++) {
          a[r][c] += w * p[r] * p[c];
        }
        a[r][m] += w * p[r] * tRef[k];
      }
    }
    // Gauss-Jordan elimination with partial pivoting; a singular system falls back to the mean
    for (int col = 0; col < m; col++) {
      int piv = col;
      for (int r = col + 1; r < m; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
          piv = r;
        }
      }
      double[] tmp = a[col];
      a[col] = a[piv];
      a[piv] = tmp;
      if (Math.abs(a[col][col]) < 1e-12) {
        return new double[] {a[0][m] / Math.max(1e-12, a[0][0])};
      }
      for (int r = 0; r < m; r++) {
        if (r != col) {
          double f = a[r][col] / a[col][col];
          for (int c = col; c <= m; c++) {
            a[r][c] -= f * a[col][c];
          }
        }
      }
    }
    double[] coef = new double[m];
    for (int r = 0; r < m; r++) {
      coef[r] = a[r][m] / a[r][r];
    }
    return coef;
  }

  /**
   * Standard uncertainty (s) of a knot: the weighted scatter of the pairs' own reference times
   * about the local polynomial through them, over the square root of the pairs' effective number
   * (times the variance factor of the polynomial's constant term: 1 for a line, 9/4 for a
   * parabola). {@link #UNKNOWN_SIGMA_SEC} where too few pairs leave no scatter to measure.
   */
  private static double knotSigma(List<TimePair> kept, int lo, int hi, double t, double[] coef) {
    int n = hi - lo + 1;
    if (n <= coef.length) {
      return UNKNOWN_SIGMA_SEC;
    }
    double sw = 0;
    double sw2 = 0;
    double swr2 = 0;
    for (int k = lo; k <= hi; k++) {
      double w = Math.max(1e-3, kept.get(k).score());
      double x = kept.get(k).tNew() - t;
      double fit = 0;
      for (int d = coef.length - 1; d >= 0; d--) {
        fit = fit * x + coef[d];
      }
      double r = kept.get(k).tRef() - fit;
      sw += w;
      sw2 += w * w;
      swr2 += w * r * r;
    }
    double scatter2 = swr2 / sw * n / (n - coef.length);
    double nEff = sw * sw / sw2;
    double factor = coef.length >= 3 ? 2.25 : 1;
    return SIGMA_CALIBRATION * Math.sqrt(scatter2 * factor / nEff);
  }

  private static MonotoneWarp knots(List<TimePair> kept, double[] tRef, double window) {
    int n = kept.size();
    double half = window / 2;
    List<double[]> knots = new ArrayList<>(); // {tNew, tRef, confidence, sigma}
    int lo = 0;
    int hi = 0;
    for (int i = 0; i < n; i++) {
      double t = kept.get(i).tNew();
      while (kept.get(lo).tNew() < t - half) {
        lo++;
      }
      while (hi + 1 < n && kept.get(hi + 1).tNew() <= t + half) {
        hi++;
      }
      double[] coef = localFit(kept, tRef, lo, hi, t);
      double value = coef[0];
      double sigma = coef.length > 1 ? knotSigma(kept, lo, hi, t, coef) : UNKNOWN_SIGMA_SEC;
      double conf = 0;
      for (int k = lo; k <= hi; k++) {
        conf += kept.get(k).score();
      }
      conf /= hi - lo + 1;
      if (knots.isEmpty() || t > knots.get(knots.size() - 1)[0] + 1e-6) {
        knots.add(new double[] {t, value, conf, sigma});
      }
    }
    if (knots.size() < 2) {
      double[] only = knots.get(0);
      knots.add(new double[] {only[0] + 1e-3, only[1], only[2], only[3]});
    }
    double[] kn = new double[knots.size()];
    double[] kr = new double[knots.size()];
    double[] kc = new double[knots.size()];
    double[] ks = new double[knots.size()];
    for (int k = 0; k < kn.length; k++) {
      ks[k] = knots.get(k)[3];
      kn[k] = knots.get(k)[0];
      kr[k] = k == 0 ? knots.get(k)[1] : Math.max(kr[k - 1], knots.get(k)[1]);
      kc[k] = Math.min(1, Math.max(0, knots.get(k)[2]));
    }
    return new MonotoneWarp(kn, kr, kc, ks);
  }

  private static WarpQuality quality(
      List<TimePair> all, List<TimePair> kept, MonotoneWarp warp, WarpConfig config) {
    double[] res = new double[kept.size()];
    double sum = 0;
    for (int i = 0; i < res.length; i++) {
      res[i] = Math.abs(kept.get(i).tRef() - warp.map(kept.get(i).tNew()));
      sum += res[i];
    }
    Arrays.sort(res);
    double[] ab = ransacAffine(all, config);
    double ppm = (ab[0] - 1) * 1e6;
    double p90 = percentile(res, 0.90);
    int pairs = all.size();
    double frac = pairs == 0 ? 0 : (double) kept.size() / pairs;
    List<String> reasons = new ArrayList<>();
    if (kept.size() < 4) {
      reasons.add("only " + kept.size() + " pairs support the warp (need 4)");
    }
    if (frac < config.minInlierFrac()) {
      reasons.add(
          String.format(
              Locale.ROOT, "inlier fraction %.2f below %.2f", frac, config.minInlierFrac()));
    }
    if (p90 > config.maxP90Sec()) {
      reasons.add(
          String.format(Locale.ROOT, "P90 residual %.3f s above %.3f s", p90, config.maxP90Sec()));
    }
    if (config.maxPpm() != null && Math.abs(ppm) > config.maxPpm()) {
      reasons.add(
          String.format(Locale.ROOT, "|ppm| %.0f above %.0f", Math.abs(ppm), config.maxPpm()));
    }
    return new WarpQuality(
        reasons.isEmpty(),
        pairs,
        kept.size(),
        ab[0],
        ab[1],
        ppm,
        sum / Math.max(1, res.length),
        percentile(res, 0.5),
        p90,
        percentile(res, 0.95),
        List.copyOf(reasons));
  }

  /** RANSAC line through the pairs, refined by least squares on its inliers: {a, b}. */
  static double[] ransacAffine(List<TimePair> pairs, WarpConfig config) {
    int n = pairs.size();
    if (n < 2) {
      return new double[] {1, 0};
    }
    SplittableRandom rng = new SplittableRandom(0x5EED); // reproducible runs
    double bestA = 1;
    double bestB = 0;
    int bestCount = -1;
    for (int it = 0; it < config.ransacIters(); it++) {
      TimePair p = pairs.get(rng.nextInt(n));
      TimePair q = pairs.get(rng.nextInt(n));
      double dt = q.tNew() - p.tNew();
      if (Math.abs(dt) < 1e-6) {
        continue;
      }
      double a = (q.tRef() - p.tRef()) / dt;
      double b = p.tRef() - a * p.tNew();
      int count = 0;
      for (TimePair r : pairs) {
        if (Math.abs(r.tRef() - (a * r.tNew() + b)) <= config.inlierThreshSec()) {
          count++;
        }
      }
      if (count > bestCount) {
        bestCount = count;
        bestA = a;
        bestB = b;
      }
    }
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    int m = 0;
    for (TimePair r : pairs) {
      if (Math.abs(r.tRef() - (bestA * r.tNew() + bestB)) <= config.inlierThreshSec()) {
        sx += r.tNew();
        sy += r.tRef();
        sxx += r.tNew() * r.tNew();
        sxy += r.tNew() * r.tRef();
        m++;
      }
    }
    double den = m * sxx - sx * sx;
    if (m < 2 || Math.abs(den) < 1e-12) {
      return new double[] {bestA, bestB};
    }
    double a = (m * sxy - sx * sy) / den;
    return new double[] {a, (sy - a * sx) / m};
  }

  private static double median(List<Double> v) {
    double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a.length == 0 ? Double.NaN : percentile(a, 0.5);
  }

  /** Linear-interpolated percentile of sorted values. */
  static double percentile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double pos = q * (sorted.length - 1);
    int i = (int) Math.floor(pos);
    int j = Math.min(sorted.length - 1, i + 1);
    return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
  }
}
