package dev.mtbsync.match;

import dev.mtbsync.camera.RadialLens;
import dev.mtbsync.features.FrameFeatures;
import dev.mtbsync.features.ScannedVideo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The views the pair's lens difference is estimated from, and the new run with it taken out.
 *
 * @param points matched points of each view kept (4 floats a match: new x, y, reference x, y)
 * @param tried ORB matches made to find them
 */
record LensViews(List<float[]> points, int tried) {

  /** Seconds between the new samples whose views the lens is estimated from. */
  static final double EVERY_SEC = 0.5;

  /** Views the lens estimate needs. */
  static final int MIN_VIEWS = 4;

  /**
   * One new sample every {@link #EVERY_SEC} matched with the reference sample its (corrected) path
   * names; kept where RANSAC finds half the inliers a pair needs (a lens difference pushes the
   * picture's edges out of the homography's threshold, so fewer verify than will after).
   *
   * @param path reference sample index per new sample, -1 where not covered
   */
  static LensViews collect(
      ScannedVideo ref, ScannedVideo neu, int[] path, MatchConfig config, ExecutorService pool)
      throws InterruptedException, ExecutionException {
    List<FrameFeatures> ns = neu.samples();
    List<Integer> picked = new ArrayList<>();
    double next = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < ns.size(); i++) {
      if (path[i] >= 0 && ns.get(i).tSec() >= next) {
        picked.add(i);
        next = ns.get(i).tSec() + EVERY_SEC;
      }
    }
    int per = Math.max(1, (picked.size() + config.threads() - 1) / config.threads());
    List<Future<List<float[]>>> parts = new ArrayList<>();
    for (int start = 0; start < picked.size(); start += per) {
      List<Integer> part = picked.subList(start, Math.min(picked.size(), start + per));
      parts.add(
          pool.submit(
              () -> {
                List<float[]> out = new ArrayList<>();
                try (ViewMatcher matcher = new ViewMatcher()) {
                  for (int i : part) {
                    ViewMatch m = matcher.match(ns.get(i), ref.samples().get(path[i]));
                    if (m.points() != null && 2 * m.inliers() >= config.minInliers()) {
                      out.add(m.points());
                    }
                  }
                }
                return out;
              }));
    }
    List<float[]> views = new ArrayList<>();
    for (Future<List<float[]>> f : parts) {
      views.addAll(f.get());
    }
    return new LensViews(views, picked.size());
  }

  /** The new run with every sample's keypoints moved by the lens (descriptors as they were). */
  static ScannedVideo undistorted(ScannedVideo neu, RadialLens lens) {
    List<FrameFeatures> moved = new ArrayList<>(neu.samples().size());
    for (FrameFeatures f : neu.samples()) {
      moved.add(
          new FrameFeatures(
              f.tSec(), lens.undistortKeypoints(f.keypoints()), f.descriptors(), f.signature()));
    }
    return new ScannedVideo(neu.info(), neu.width(), neu.height(), neu.pts(), moved);
  }
}
