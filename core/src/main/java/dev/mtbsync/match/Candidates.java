package dev.mtbsync.match;

import dev.mtbsync.features.FrameFeatures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The reference samples one new sample was matched with, matched on first use. */
final class Candidates {
  private final List<FrameFeatures> rs;
  private final int centre;
  private final int searchReach;
  private final ViewMatcher matcher;
  private final FrameFeatures neu;
  private final Map<Integer, ViewMatch> tried = new HashMap<>();
  private final Map<Integer, Double> parallax = new HashMap<>();

  Candidates(
      List<FrameFeatures> rs, int centre, int searchReach, ViewMatcher matcher, FrameFeatures n) {
    this.rs = rs;
    this.centre = centre;
    this.searchReach = searchReach;
    this.matcher = matcher;
    this.neu = n;
  }

  boolean inSearch(int j) {
    return j >= 0 && j < rs.size() && Math.abs(j - centre) <= searchReach;
  }

  boolean exists(int j) {
    return j >= 0 && j < rs.size();
  }

  ViewMatch get(int j) {
    return tried.computeIfAbsent(j, k -> matcher.match(neu, rs.get(k)));
  }

  int tried() {
    return tried.size();
  }

  /** Parallax cost at j, +infinity where the views do not verify. */
  double cost(int j, int minInliers) {
    if (!exists(j)) {
      return Double.POSITIVE_INFINITY;
    }
    ViewMatch m = get(j);
    if (m.inliers() < minInliers) {
      return Double.POSITIVE_INFINITY;
    }
    double p = parallax.computeIfAbsent(j, k -> ViewMatcher.parallax(m));
    return Double.isFinite(p) ? p : Double.POSITIVE_INFINITY;
  }

  /**
   * Whether the parallax cost is measured and below {@link PairFinder#RESOLVED_PX2} at both
   * neighbours of sample j: the camera moves little enough between reference samples to time by
   * parallax.
   */
  boolean resolvesParallax(int j, int minInliers) {
    return cost(j - 1, minInliers) < PairFinder.RESOLVED_PX2
        && cost(j + 1, minInliers) < PairFinder.RESOLVED_PX2;
  }

  /** The sample of least parallax reached downhill from {@code start}; -1 if none measured. */
  int descendParallax(int start, int minInliers) {
    double reach = PairFinder.PARALLAX_REACH_SEC;
    double t0 = rs.get(start).tSec();
    int best = start;
    double bestCost = cost(start, minInliers);
    boolean moved = true;
    while (moved) {
      moved = false;
      for (int j = best - 1; j <= best + 1; j += 2) {
        if (exists(j) && Math.abs(rs.get(j).tSec() - t0) <= reach) {
          double cj = cost(j, minInliers);
          if (cj < bestCost) {
            bestCost = cj;
            best = j;
            moved = true;
          }
        }
      }
    }
    return Double.isFinite(bestCost) ? best : -1;
  }

  /**
   * The reference time of least parallax: the vertex of the least-squares parabola through the cost
   * at the cheapest sample and up to two samples either side (the cost grows as the square of the
   * distance between the camera centres), kept within half a sample of it; the sample itself where
   * a neighbour is not measured. Five samples rather than three: the cost is noisy, and on synth
   * rides the three-point vertex moved markers by up to a frame more.
   */
  double parallaxVertex(int k, int minInliers) {
    double t = rs.get(k).tSec();
    // least-squares parabola c = a x^2 + b x + c0 (x = t_ref - t) through up to five samples
    double[][] ata = new double[3][3];
    double[] atc = new double[3];
    int used = 0;
    for (int j = k - 2; j <= k + 2; j++) {
      double cj = cost(j, minInliers);
      if (!Double.isFinite(cj)) {
        if (Math.abs(j - k) == 1) {
          return t; // the vertex needs both neighbours
        }
        continue;
      }
      double x = rs.get(j).tSec() - t;
      double[] row = {x * x, x, 1};
      for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 3; c++) {
          ata[r][c] += row[r] * row[c];
        }
        atc[r] += row[r] * cj;
      }
      used++;
    }
    double[] abc = solve3(ata, atc);
    if (used < 3 || abc == null || !(abc[0] > 0)) {
      return t;
    }
    double lo = rs.get(k - 1).tSec() - t;
    double hi = rs.get(k + 1).tSec() - t;
    double x = Math.max(0.5 * lo, Math.min(0.5 * hi, -abc[1] / (2 * abc[0])));
    return t + x;
  }

  /** Solves a 3x3 system by Cramer's rule; null when singular. */
  private static double[] solve3(double[][] m, double[] v) {
    double det = det3(m);
    if (Math.abs(det) < 1e-18) {
      return null;
    }
    double[] out = new double[3];
    for (int c = 0; c < 3; c++) {
      double[][] mc = new double[3][];
      for (int r = 0; r < 3; r++) {
        mc[r] = m[r].clone();
        mc[r][c] = v[r];
      }
      out[c] = det3(mc) / det;
    }
    return out;
  }

  private static double det3(double[][] m) {
    return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  }
}
