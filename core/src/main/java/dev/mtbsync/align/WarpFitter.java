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
 *   <li>Outliers: each pair is compared with the robust (Theil-Sen) line through its neighbours
 *       within two seconds; pairs further than the inlier threshold are dropped.
 *   <li>Monotone: the inliers' reference times are made non-decreasing by weighted isotonic
 *       regression (pool-adjacent-violators).
 *   <li>Smooth: pairs are averaged per window into knots, joined by a monotone cubic.
 * </ol>
 */
public final class WarpFitter {

  private static final double NEIGHBOURHOOD_SEC = 2.0;

  private WarpFitter() {}

  /** The mapping, its quality, and which input pairs it kept (same order as sorted input). */
  public record Fit(
      MonotoneWarp warp, WarpQuality quality, List<TimePair> pairs, boolean[] inlier) {}

  /**
   * @throws IllegalArgumentException when fewer than two usable pairs exist (no mapping at all)
   */
  public static Fit fit(List<TimePair> input, WarpConfig config) {
    config.validate();
    List<TimePair> pairs = new ArrayList<>(input);
    pairs.sort(Comparator.comparingDouble(TimePair::tNew));
    int n = pairs.size();
    boolean[] inlier = new boolean[n];
    for (int i = 0; i < n; i++) {
      inlier[i] = Math.abs(pairs.get(i).tRef() - localTrend(pairs, i)) <= config.inlierThreshSec();
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

  /** Reference time the neighbours (not the pair itself) predict at pair i. */
  private static double localTrend(List<TimePair> pairs, int i) {
    double t = pairs.get(i).tNew();
    List<TimePair> near = new ArrayList<>();
    for (TimePair p : pairs) {
      if (p != pairs.get(i) && Math.abs(p.tNew() - t) <= NEIGHBOURHOOD_SEC) {
        near.add(p);
      }
    }
    if (near.size() < 3) {
      return pairs.get(i).tRef(); // too few neighbours to judge: keep it
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
    int n = pairs.size();
    double[] value = new double[n];
    double[] weight = new double[n];
    int[] size = new int[n];
    int blocks = 0;
    for (TimePair p : pairs) {
      value[blocks] = p.tRef();
      weight[blocks] = Math.max(1e-3, p.score());
      size[blocks] = 1;
      blocks++;
      while (blocks > 1 && value[blocks - 2] > value[blocks - 1]) {
        double w = weight[blocks - 2] + weight[blocks - 1];
        value[blocks - 2] =
            (value[blocks - 2] * weight[blocks - 2] + value[blocks - 1] * weight[blocks - 1]) / w;
        weight[blocks - 2] = w;
        size[blocks - 2] += size[blocks - 1];
        blocks--;
      }
    }
    double[] out = new double[n];
    int k = 0;
    for (int b = 0; b < blocks; b++) {
      for (int s = 0; s < size[b]; s++) {
        out[k++] = value[b];
      }
    }
    return out;
  }

  /** Averages pairs per window into knots; the first and last pair are knots themselves. */
  private static MonotoneWarp knots(List<TimePair> kept, double[] tRef, double window) {
    int n = kept.size();
    List<double[]> knots = new ArrayList<>(); // {tNew, tRef, confidence}
    knots.add(new double[] {kept.get(0).tNew(), tRef[0], kept.get(0).score()});
    double start = kept.get(0).tNew();
    double end = kept.get(n - 1).tNew();
    int i = 1;
    while (i < n - 1) {
      double binEnd = start + window * (Math.floor((kept.get(i).tNew() - start) / window) + 1);
      double w = 0;
      double st = 0;
      double sr = 0;
      int count = 0;
      while (i < n - 1 && kept.get(i).tNew() < binEnd) {
        double wi = Math.max(1e-3, kept.get(i).score());
        w += wi;
        st += wi * kept.get(i).tNew();
        sr += wi * tRef[i];
        count++;
        i++;
      }
      if (count > 0) {
        knots.add(new double[] {st / w, sr / w, w / count});
      }
    }
    knots.add(new double[] {end, tRef[n - 1], kept.get(n - 1).score()});
    // keep knots strictly increasing in t_new (bins can tie with the end pair)
    List<double[]> clean = new ArrayList<>();
    for (double[] k : knots) {
      if (clean.isEmpty() || k[0] > clean.get(clean.size() - 1)[0] + 1e-6) {
        clean.add(k);
      }
    }
    if (clean.size() < 2) {
      clean.add(new double[] {clean.get(0)[0] + 1e-3, clean.get(0)[1], clean.get(0)[2]});
    }
    double[] kn = new double[clean.size()];
    double[] kr = new double[clean.size()];
    double[] kc = new double[clean.size()];
    for (int k = 0; k < kn.length; k++) {
      kn[k] = clean.get(k)[0];
      kr[k] = k == 0 ? clean.get(k)[1] : Math.max(kr[k - 1], clean.get(k)[1]);
      kc[k] = Math.min(1, Math.max(0, clean.get(k)[2]));
    }
    return new MonotoneWarp(kn, kr, kc);
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
