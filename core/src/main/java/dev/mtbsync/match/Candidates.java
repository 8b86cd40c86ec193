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
    return m.inliers() >= minInliers && Double.isFinite(m.parallax())
        ? m.parallax()
        : Double.POSITIVE_INFINITY;
  }

  /**
   * Whether the parallax cost is measured and below {@link #PairFinder.RESOLVED_PX2} at both
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
   * The reference time of least parallax: the vertex of the parabola through the cost at the
   * cheapest sample and its two neighbours (the cost grows as the square of the distance between
   * the camera centres), or the sample itself where a neighbour is not measured.
   */
  double parallaxVertex(int k, int minInliers) {
    double t = rs.get(k).tSec();
    double a = cost(k - 1, minInliers);
    double b = cost(k, minInliers);
    double c = cost(k + 1, minInliers);
    if (!Double.isFinite(a) || !Double.isFinite(c)) {
      return t;
    }
    double curve = a - 2 * b + c;
    if (curve <= 0) {
      return t;
    }
    double delta = Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / curve));
    double dt = delta < 0 ? t - rs.get(k - 1).tSec() : rs.get(k + 1).tSec() - t;
    return t + delta * dt;
  }
}
