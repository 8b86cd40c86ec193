package dev.mtbsync.gps;

import dev.mtbsync.align.Isotonic;
import dev.mtbsync.stats.LeastSquares;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Aligns two runs of one trail by their GPS: each new-run sample is placed on the reference's path
 * (the distance along it where the reference rider passed closest), an offset and scale between the
 * two distance curves is found robustly, the places are made monotone along the new run and
 * smoothed (the distance-based warp), and the reference's distance curve turns them into reference
 * times.
 *
 * <p>DESIGN NOTE: matching places rather than speed profiles: the riders ride at different paces,
 * so their speed curves need not look alike, while both tracks lie on the same ground. Matching the
 * nearest pass rather than the nearest point copes with a trail that crosses itself or is ridden
 * out and back: the robust offset and scale picks the pass that agrees with the rest.
 */
public final class GpsAligner {

  /** A new-run sample this close (m) to the reference's path may be on it. */
  static final double NEAR_M = 25;

  /** A candidate place this close (m) to the offset-and-scale line agrees with it. */
  static final double INLIER_M = 15;

  /** Share of the new run's samples that must lie on the reference's path where expected. */
  static final double MIN_SHARED = 0.5;

  /** Receiver error (m) assumed when the tracks do not show more. */
  static final double POSITION_SIGMA_M = 3;

  private static final int RANSAC_ITERATIONS = 400;
  private static final double MIN_SCALE = 0.75;
  private static final double MAX_SCALE = 1.33;
  private static final int SMOOTH_SAMPLES = 10;

  private GpsAligner() {}

  /**
   * @param ref the reference's curve
   * @param neu the new run's curve, in the same local frame
   * @throws IllegalArgumentException naming why, when the tracks do not share enough of one trail
   */
  public static GpsAlignment align(DistanceCurve ref, DistanceCurve neu) {
    int n = neu.size();
    double[][] candidates = candidates(ref, neu);
    double[] line = offsetAndScale(ref, neu, candidates);
    double a = line[0];
    double b = line[1];
    double[] place = new double[n];
    double[] weight = new double[n];
    int expected = 0;
    int shared = 0;
    double sq = 0;
    for (int k = 0; k < n; k++) {
      double want = a * neu.distance(k) + b;
      place[k] = Double.NaN;
      boolean onRef = want >= 0 && want <= ref.length() && neu.covered(k);
      expected += onRef ? 1 : 0;
      double best = INLIER_M;
      for (double s : candidates[k]) {
        if (Math.abs(s - want) < best) {
          best = Math.abs(s - want);
          place[k] = s;
        }
      }
      if (!Double.isNaN(place[k])) {
        weight[k] = 1;
        shared += onRef ? 1 : 0;
        sq += gapTo(ref, neu, k, place[k]);
      }
    }
    double sharedFrac = expected == 0 ? 0 : shared / (double) expected;
    if (expected < 2 * DistanceCurve.RATE_HZ || sharedFrac < MIN_SHARED) {
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "the GPS tracks do not share a trail (%.0f%% of the new run's fixes lie on the"
                  + " reference's path)",
              100 * sharedFrac));
    }
    double placeRms = Math.sqrt(sq / Math.max(1, shared));
    double[] warp = monotonePlaces(neu, place, a, b);
    return times(ref, neu, warp, a, b, placeRms, sharedFrac);
  }

  /**
   * For each new-run sample, the reference distance (m) of every pass of the reference within
   * {@link #NEAR_M} of it: the closest sample of each run of consecutive reference samples.
   */
  private static double[][] candidates(DistanceCurve ref, DistanceCurve neu) {
    Map<Long, List<Integer>> grid = new HashMap<>();
    for (int j = 0; j < ref.size(); j++) {
      grid.computeIfAbsent(cell(ref.east(j), ref.north(j)), c -> new ArrayList<>()).add(j);
    }
    double[][] out = new double[neu.size()][];
    for (int k = 0; k < neu.size(); k++) {
      double e = neu.east(k);
      double nn = neu.north(k);
      long cx = (long) Math.floor(e / NEAR_M);
      long cy = (long) Math.floor(nn / NEAR_M);
      List<Integer> near = new ArrayList<>();
      for (long dx = -1; dx <= 1; dx++) {
        for (long dy = -1; dy <= 1; dy++) {
          for (int j : grid.getOrDefault(key(cx + dx, cy + dy), List.of())) {
            if (Math.hypot(ref.east(j) - e, ref.north(j) - nn) < NEAR_M) {
              near.add(j);
            }
          }
        }
      }
      near.sort(null);
      List<Double> passes = new ArrayList<>();
      int best = -1;
      double bestD = Double.MAX_VALUE;
      for (int idx = 0; idx < near.size(); idx++) {
        int j = near.get(idx);
        double d = Math.hypot(ref.east(j) - e, ref.north(j) - nn);
        if (d < bestD) {
          bestD = d;
          best = j;
        }
        if (idx == near.size() - 1 || near.get(idx + 1) != j + 1) {
          passes.add(ref.distance(best));
          best = -1;
          bestD = Double.MAX_VALUE;
        }
      }
      out[k] = passes.stream().mapToDouble(Double::doubleValue).toArray();
    }
    return out;
  }

  private static long cell(double e, double n) {
    return key((long) Math.floor(e / NEAR_M), (long) Math.floor(n / NEAR_M));
  }

  private static long key(long x, long y) {
    return (x << 32) ^ (y & 0xffffffffL);
  }

  /**
   * The line reference distance = a * new distance + b that most new-run samples agree with (RANSAC
   * over candidate places, then least squares on those that agree).
   */
  private static double[] offsetAndScale(DistanceCurve ref, DistanceCurve neu, double[][] cand) {
    int[] with =
        java.util.stream.IntStream.range(0, neu.size()).filter(k -> cand[k].length > 0).toArray();
    if (with.length < 2) {
      throw new IllegalArgumentException(
          "the GPS tracks do not share a trail (no fix of the new run lies on the reference's"
              + " path)");
    }
    SplittableRandom rng = new SplittableRandom(7);
    double bestA = 1;
    double bestB = 0;
    int bestScore = -1;
    boolean short_ = neu.length() < 30;
    for (int it = 0; it < RANSAC_ITERATIONS; it++) {
      int k1 = with[rng.nextInt(with.length)];
      double s1 = cand[k1][rng.nextInt(cand[k1].length)];
      double a = 1;
      if (!short_) {
        int k2 = with[rng.nextInt(with.length)];
        double dd = neu.distance(k2) - neu.distance(k1);
        if (Math.abs(dd) < 30) {
          continue;
        }
        a = (cand[k2][rng.nextInt(cand[k2].length)] - s1) / dd;
        if (a < MIN_SCALE || a > MAX_SCALE) {
          continue;
        }
      }
      double b = s1 - a * neu.distance(k1);
      int score = score(neu, cand, a, b);
      if (score > bestScore) {
        bestScore = score;
        bestA = a;
        bestB = b;
      }
    }
    // least squares through the samples that agree
    List<double[]> agree = new ArrayList<>();
    for (int k : with) {
      double want = bestA * neu.distance(k) + bestB;
      for (double s : cand[k]) {
        if (Math.abs(s - want) < INLIER_M) {
          agree.add(new double[] {neu.distance(k), s});
          break;
        }
      }
    }
    if (!short_ && agree.size() > 2) {
      double[] x = agree.stream().mapToDouble(p -> p[0]).toArray();
      double[] y = agree.stream().mapToDouble(p -> p[1]).toArray();
      double[] line = straightLine(x, y, 0, x.length - 1);
      if (line[0] >= MIN_SCALE && line[0] <= MAX_SCALE) {
        return line;
      }
    }
    return new double[] {bestA, bestB};
  }

  private static int score(DistanceCurve neu, double[][] cand, double a, double b) {
    int score = 0;
    for (int k = 0; k < cand.length; k++) {
      double want = a * neu.distance(k) + b;
      for (double s : cand[k]) {
        if (Math.abs(s - want) < INLIER_M) {
          score++;
          break;
        }
      }
    }
    return score;
  }

  /** Metres between new sample k and the reference's path at distance s. */
  private static double gapTo(DistanceCurve ref, DistanceCurve neu, int k, double s) {
    double t = ref.timeAtDistance(s);
    int j = (int) Math.round((t - ref.startSec()) * DistanceCurve.RATE_HZ);
    j = Math.max(0, Math.min(ref.size() - 1, j));
    double d = Math.hypot(ref.east(j) - neu.east(k), ref.north(j) - neu.north(k));
    return d * d;
  }

  /**
   * The places made non-decreasing along the new run (isotonic regression), gaps filled along the
   * offset-and-scale line, then smoothed over about a second: a moving average of a non-decreasing
   * sequence stays non-decreasing.
   */
  private static double[] monotonePlaces(DistanceCurve neu, double[] place, double a, double b) {
    int n = place.length;
    int[] idx =
        java.util.stream.IntStream.range(0, n).filter(k -> !Double.isNaN(place[k])).toArray();
    double[] v = new double[idx.length];
    double[] w = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      v[i] = place[idx[i]];
      w[i] = 1;
    }
    double[] iso = Isotonic.fit(v, w);
    double[] filled = new double[n];
    int next = 0;
    for (int k = 0; k < n; k++) {
      while (next < idx.length && idx[next] < k) {
        next++;
      }
      if (next < idx.length && idx[next] == k) {
        filled[k] = iso[next];
      } else if (next == 0) { // before the first matched sample: along the line, back from it
        filled[k] = iso[0] - a * (neu.distance(idx[0]) - neu.distance(k));
      } else if (next == idx.length) { // after the last one
        int last = idx[idx.length - 1];
        filled[k] = iso[idx.length - 1] + a * (neu.distance(k) - neu.distance(last));
      } else { // between two matched samples: in proportion to the new run's distance
        int p = idx[next - 1];
        int q = idx[next];
        double span = neu.distance(q) - neu.distance(p);
        double f = span > 1e-9 ? (neu.distance(k) - neu.distance(p)) / span : 0;
        filled[k] = iso[next - 1] + f * (iso[next] - iso[next - 1]);
      }
    }
    double[] out = new double[n];
    double sum = 0;
    int lo = 0;
    int hi = -1;
    for (int k = 0; k < n; k++) {
      while (hi < Math.min(n - 1, k + SMOOTH_SAMPLES)) {
        sum += filled[++hi];
      }
      while (lo < k - SMOOTH_SAMPLES) {
        sum -= filled[lo++];
      }
      out[k] = sum / (hi - lo + 1);
    }
    return out;
  }

  /** Places to reference times, with their uncertainty, continued at equal pace past the ends. */
  private static GpsAlignment times(
      DistanceCurve ref,
      DistanceCurve neu,
      double[] place,
      double a,
      double b,
      double placeRms,
      double sharedFrac) {
    int n = place.length;
    double[] tNew = new double[n];
    double[] tRef = new double[n];
    double[] sigma = new double[n];
    double posSigma = Math.max(POSITION_SIGMA_M, placeRms / Math.sqrt(2));
    int first = -1;
    int last = -1;
    for (int k = 0; k < n; k++) {
      tNew[k] = neu.time(k);
      tRef[k] = ref.timeAtDistance(place[k]);
      if (!Double.isNaN(tRef[k])) {
        first = first < 0 ? k : first;
        last = k;
        int j = (int) Math.round((tRef[k] - ref.startSec()) * DistanceCurve.RATE_HZ);
        double speed = ref.speed(Math.max(0, Math.min(ref.size() - 1, j)));
        sigma[k] = Math.sqrt(2) * posSigma / Math.max(2, speed);
        if (!neu.covered(k)) {
          sigma[k] += 2;
        }
        sigma[k] = Math.min(3, Math.max(0.15, sigma[k]));
      }
    }
    if (first < 0) {
      throw new IllegalArgumentException("the GPS tracks do not share a trail");
    }
    for (int k = 0; k < n; k++) {
      int edge = k < first ? first : k > last ? last : -1;
      if (edge >= 0) {
        tRef[k] = tRef[edge] + (tNew[k] - tNew[edge]);
        sigma[k] = sigma[edge] + 0.3 * Math.abs(tNew[k] - tNew[edge]);
      } else if (Double.isNaN(tRef[k])) {
        tRef[k] = tRef[k - 1]; // cannot happen on a monotone place; kept for safety
        sigma[k] = sigma[k - 1];
      }
    }
    double[] line = straightLine(tNew, tRef, first, last);
    return new GpsAlignment(tNew, tRef, sigma, a, b, placeRms, sharedFrac, line[0], line[1]);
  }

  /**
   * {slope, intercept} through points from..to; slope 1 through their means where x has no spread.
   */
  private static double[] straightLine(double[] x, double[] y, int from, int to) {
    double[] xs = Arrays.copyOfRange(x, from, Math.max(from, to + 1));
    double[] ys = Arrays.copyOfRange(y, from, Math.max(from, to + 1));
    double[] line = LeastSquares.line(xs, ys);
    if (line != null) {
      return line;
    }
    int m = xs.length;
    double sx = Arrays.stream(xs).sum();
    double sy = Arrays.stream(ys).sum();
    return new double[] {1, m == 0 ? 0 : sy / m - sx / m};
  }
}
