package dev.mtbsync.match;

import dev.mtbsync.features.FrameFeatures;
import dev.mtbsync.features.ScannedVideo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Moves the coarse path to where ORB finds the reference, from a few widely searched new samples
 * (anchors). See {@link #correct}.
 */
final class PathCorrector {

  private final MatchConfig config;

  PathCorrector(MatchConfig config) {
    this.config = config;
  }

  /** Seconds between anchors, the new samples searched widely to correct the coarse path. */
  static final double ANCHOR_EVERY_SEC = 3.0;

  /** An anchor matches every this many reference samples within reach, then climbs. */
  static final int ANCHOR_STEP = 3;

  /** How far (s) either side of the coarse path an anchor searches. */
  static final double ANCHOR_REACH_SEC = 2.0;

  /** Anchors either side whose offsets set the correction at a new sample. */
  private static final int ANCHOR_NEIGHBOURS = 2;

  /**
   * Moves the coarse path to where ORB finds the reference: every {@link #ANCHOR_EVERY_SEC} a new
   * sample is matched with every third reference sample within {@link #ANCHOR_REACH_SEC} of the
   * path and placed at its least parallax; each new sample's path then shifts by the median offset
   * of the anchors nearest it. Returns the ORB matches made.
   *
   * <p>DESIGN NOTE: the global signatures compare whole pictures, so between two cameras of
   * different zoom or framing the coarse path settles where the apparent sizes agree: for a camera
   * moving forward, up to a second off at walking pace with a 20 % zoom. Verification only looks a
   * couple of samples either side, so it inherited that bias. The offset is smooth along the run
   * (one camera difference per pair), so a sparse wide search measures it for all samples at about
   * a fifth more ORB matches.
   */
  int correct(ScannedVideo ref, ScannedVideo neu, int[] path, ExecutorService pool)
      throws InterruptedException, ExecutionException {
    List<FrameFeatures> rs = ref.samples();
    List<FrameFeatures> ns = neu.samples();
    List<Integer> anchors = new ArrayList<>();
    double next = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < ns.size(); i++) {
      if (path[i] >= 0 && ns.get(i).tSec() >= next) {
        anchors.add(i);
        next = ns.get(i).tSec() + ANCHOR_EVERY_SEC;
      }
    }
    if (anchors.isEmpty()) {
      return 0;
    }
    List<Future<double[]>> found = new ArrayList<>();
    int per = (anchors.size() + config.threads() - 1) / config.threads();
    for (int start = 0; start < anchors.size(); start += per) {
      List<Integer> part = anchors.subList(start, Math.min(anchors.size(), start + per));
      found.add(pool.submit(() -> anchorOffsets(rs, ns, path, part)));
    }
    double[] offset = new double[anchors.size()]; // reference seconds, NaN where none verified
    int matches = 0;
    int k = 0;
    for (Future<double[]> f : found) {
      double[] part = f.get();
      for (int a = 0; a + 1 < part.length; a++) {
        offset[k++] = part[a];
      }
      matches += (int) part[part.length - 1];
    }
    double[] at = new double[anchors.size()];
    for (int a = 0; a < at.length; a++) {
      at[a] = ns.get(anchors.get(a)).tSec();
    }
    for (int i = 0; i < ns.size(); i++) {
      if (path[i] < 0) {
        continue;
      }
      double shift = nearestMedian(at, offset, ns.get(i).tSec());
      if (Double.isFinite(shift) && shift != 0) {
        double want = rs.get(path[i]).tSec() + shift;
        path[i] = nearestSample(rs, want);
      }
    }
    return matches;
  }

  /** Offsets (s) of the anchors found, NaN where none verified; the match count last. */
  private double[] anchorOffsets(
      List<FrameFeatures> rs, List<FrameFeatures> ns, int[] path, List<Integer> anchors) {
    double[] out = new double[anchors.size() + 1];
    int matches = 0;
    try (ViewMatcher matcher = new ViewMatcher()) {
      for (int a = 0; a < anchors.size(); a++) {
        int i = anchors.get(a);
        FrameFeatures n = ns.get(i);
        Candidates c = new Candidates(rs, path[i], 0, matcher, n);
        double t0 = rs.get(path[i]).tSec();
        int best = path[i];
        // every ANCHOR_STEP-th sample within reach, centred on the path, then up the inliers
        for (int j = path[i] % ANCHOR_STEP; j < rs.size(); j += ANCHOR_STEP) {
          if (Math.abs(rs.get(j).tSec() - t0) <= ANCHOR_REACH_SEC
              && c.get(j).inliers() > c.get(best).inliers()) {
            best = j;
          }
        }
        boolean moved = true;
        while (moved) {
          moved = false;
          for (int j = best - 1; j <= best + 1; j += 2) {
            if (c.exists(j) && c.get(j).inliers() > c.get(best).inliers()) {
              best = j;
              moved = true;
            }
          }
        }
        out[a] = Double.NaN;
        if (c.get(best).inliers() >= config.minInliers()) {
          int cheapest =
              c.resolvesParallax(best, config.minInliers())
                  ? c.descendParallax(best, config.minInliers())
                  : -1;
          out[a] = rs.get(cheapest >= 0 ? cheapest : best).tSec() - t0;
        }
        matches += c.tried();
      }
    }
    out[anchors.size()] = matches;
    return out;
  }

  /** Median of the finite offsets of the anchors nearest t; NaN when none is finite. */
  private static double nearestMedian(double[] at, double[] offset, double t) {
    int i = Arrays.binarySearch(at, t);
    int centre = i >= 0 ? i : Math.max(0, Math.min(at.length - 1, -i - 1));
    List<Double> near = new ArrayList<>();
    for (int d = 0; d < at.length && near.size() < 2 * ANCHOR_NEIGHBOURS; d++) {
      for (int j : new int[] {centre - d, centre + d + 1}) {
        if (j >= 0 && j < at.length && Double.isFinite(offset[j])) {
          near.add(offset[j]);
        }
      }
    }
    if (near.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(near);
    int m = near.size();
    return m % 2 == 1 ? near.get(m / 2) : 0.5 * (near.get(m / 2 - 1) + near.get(m / 2));
  }

  /** The reference sample nearest time t (s). */
  private static int nearestSample(List<FrameFeatures> rs, double t) {
    int lo = 0;
    int hi = rs.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (rs.get(mid).tSec() < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo > 0 && Math.abs(rs.get(lo - 1).tSec() - t) <= Math.abs(rs.get(lo).tSec() - t)) {
      return lo - 1;
    }
    return lo;
  }
}
