package dev.mtbsync.align;

import dev.mtbsync.match.TimePair;
import dev.mtbsync.stats.LeastSquares;
import dev.mtbsync.stats.Stats;
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
 *
 * <p>Pins ({@link Anchors}) are hard constraints: the mapping passes through each exactly, pairs
 * that no monotone mapping through them can reach are outliers before step 1, step 2 works between
 * each two pins, and step 3 bends the parabolas to them ({@link LocalKnots}).
 */
public final class WarpFitter {

  private static final double NEIGHBOURHOOD_SEC = 3.0;

  /**
   * The pairs' errors are correlated along the run (neighbouring new samples are placed against the
   * same reference samples, and a camera difference biases a whole stretch alike), so the scatter
   * over the square root of their number understates the knot's error. Calibrated on the camera
   * benchmark (scripts/bench-camera.sh, the real clips and the synth ride): for pictures of one
   * scale and lens (the same camera, rolled, turned, a 4:3 crop) 2.6 made the real clips' intervals
   * twice as wide as their errors (every truth inside, a third of the markers flagged for review
   * for it), 1.3 left the synth ride's same-camera rows at 70-80 % coverage, 1.6 keeps every real
   * row at 90 % or more and the synth rows at 80 % or more. Where a camera difference was taken out
   * before timing, the warp is widened further ({@code CameraDifference.sigmaFactor}).
   */
  static final double SIGMA_CALIBRATION = 1.6;

  /** Uncertainty (s) of a knot whose window holds too few pairs to measure their scatter. */
  static final double UNKNOWN_SIGMA_SEC = 0.25;

  private WarpFitter() {}

  /** The mapping, its quality, and which input pairs it kept (same order as sorted input). */
  public record Fit(
      MonotoneWarp warp, WarpQuality quality, List<TimePair> pairs, boolean[] inlier) {

    /** The same fit with its uncertainty multiplied by {@code factor} (itself when 1 or less). */
    public Fit widened(double factor) {
      return factor > 1 ? new Fit(warp.widened(factor), quality, pairs, inlier) : this;
    }
  }

  /**
   * @throws IllegalArgumentException when fewer than two usable pairs exist (no mapping at all)
   */
  public static Fit fit(List<TimePair> input, WarpConfig config) {
    return fit(input, Anchors.NONE, config);
  }

  /**
   * Fits the warp through every pin exactly (see {@link Anchors}): pairs no monotone mapping
   * through the pins can reach are outliers, and the rest are used as without pins.
   *
   * @throws IllegalArgumentException when fewer than two pairs and pins together remain
   */
  public static Fit fit(List<TimePair> input, Anchors anchors, WarpConfig config) {
    config.validate();
    List<TimePair> all = new ArrayList<>();
    for (TimePair p : input) {
      if (Double.isFinite(p.tNew()) && Double.isFinite(p.tRef())) {
        all.add(p);
      }
    }
    all.sort(Comparator.comparingDouble(TimePair::tNew));
    // pairs the pins rule out do not judge the others either: a look-alike stretch agrees with
    // itself
    List<TimePair> pairs = new ArrayList<>();
    for (TimePair p : all) {
      if (anchors.admits(p.tNew(), p.tRef(), config.inlierThreshSec())) {
        pairs.add(p);
      }
    }
    int n = pairs.size();
    boolean[] judged = new boolean[n];
    for (int i = 0; i < n; i++) {
      // either side may agree: at the corner where a rider stops, only one of them does
      double tRef = pairs.get(i).tRef();
      double before = Math.abs(tRef - localTrend(pairs, i, -1));
      double after = Math.abs(tRef - localTrend(pairs, i, 1));
      if (Double.isNaN(before) && Double.isNaN(after)) {
        judged[i] = true; // nobody to judge it by
      } else {
        double closest =
            Double.isNaN(before) ? after : Double.isNaN(after) ? before : Math.min(before, after);
        judged[i] = closest <= config.inlierThreshSec();
      }
    }
    List<TimePair> kept = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (judged[i]) {
        kept.add(pairs.get(i));
      }
    }
    boolean[] inlier = new boolean[all.size()];
    for (int i = 0, k = 0; i < all.size() && k < kept.size(); i++) {
      if (all.get(i) == kept.get(k)) {
        inlier[i] = true;
        k++;
      }
    }
    if (kept.size() + anchors.size() < 2) {
      throw new IllegalArgumentException(
          "too few matching moments to fit a time-warp ("
              + kept.size()
              + " of "
              + all.size()
              + " pairs)");
    }
    double[] monotone = isotonic(kept, anchors);
    MonotoneWarp warp = LocalKnots.build(kept, monotone, anchors, config.windowSec());
    WarpQuality quality = quality(all, kept, warp, config);
    return new Fit(warp, quality, all, inlier);
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
    double slope = Math.max(0, Stats.median(slopes));
    List<Double> offsets = new ArrayList<>();
    for (TimePair p : near) {
      offsets.add(p.tRef() - slope * (p.tNew() - t));
    }
    return Stats.median(offsets);
  }

  /** Weighted pool-adjacent-violators: the closest non-decreasing sequence. */
  static double[] isotonic(List<TimePair> pairs) {
    return isotonic(pairs, Anchors.NONE);
  }

  /**
   * The closest non-decreasing sequence between each two pins, within their reference times: the
   * pins hold, and each stretch between them is made monotone on its own.
   */
  static double[] isotonic(List<TimePair> pairs, Anchors anchors) {
    double[] out = new double[pairs.size()];
    int start = 0;
    while (start < pairs.size()) {
      double[] b = anchors.bracket(pairs.get(start).tNew());
      int end = start + 1;
      while (end < pairs.size() && Arrays.equals(anchors.bracket(pairs.get(end).tNew()), b)) {
        end++;
      }
      double[] value = new double[end - start];
      double[] weight = new double[end - start];
      for (int i = start; i < end; i++) {
        value[i - start] = pairs.get(i).tRef();
        weight[i - start] = Math.max(1e-3, pairs.get(i).score());
      }
      double[] fit = Isotonic.fit(value, weight);
      for (int i = start; i < end; i++) {
        out[i] = Math.max(b[0], Math.min(b[1], fit[i - start]));
      }
      start = end;
    }
    return out;
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
    double p90 = Stats.percentile(res, 90);
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
        Stats.percentile(res, 50),
        p90,
        Stats.percentile(res, 95),
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
    double a = bestA;
    double b = bestB;
    List<TimePair> inliers =
        pairs.stream()
            .filter(r -> Math.abs(r.tRef() - (a * r.tNew() + b)) <= config.inlierThreshSec())
            .toList();
    double[] line =
        LeastSquares.line(
            inliers.stream().mapToDouble(TimePair::tNew).toArray(),
            inliers.stream().mapToDouble(TimePair::tRef).toArray());
    return line != null ? line : new double[] {bestA, bestB};
  }
}
