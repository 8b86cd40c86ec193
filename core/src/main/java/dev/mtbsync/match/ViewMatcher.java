package dev.mtbsync.match;

import dev.mtbsync.features.FrameFeatures;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.global.opencv_calib3d;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.DMatch;
import org.bytedeco.opencv.opencv_core.DMatchVector;
import org.bytedeco.opencv.opencv_core.DMatchVectorVector;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_features2d.BFMatcher;

/**
 * Matches the ORB features of two frames (Hamming distance, cross-checked) and keeps the matches
 * one homography explains (RANSAC): matches off by more than the reprojection threshold are
 * outliers. One instance per thread.
 */
final class ViewMatcher implements AutoCloseable {

  /** Reprojection threshold in px of a 960 px wide frame. */
  static final double REPROJECTION_PX = 3.0;

  private static final int MIN_MATCHES = 12;

  /** Lowe's ratio: a match is kept when its distance is below this share of the runner-up's. */
  static final float RATIO = 0.8f;

  private final BFMatcher matcher = new BFMatcher(opencv_core.NORM_HAMMING, false);

  ViewMatch match(FrameFeatures a, FrameFeatures b) {
    if (a.count() < MIN_MATCHES || b.count() < MIN_MATCHES) {
      return ViewMatch.NONE;
    }
    try (Mat da = descriptors(a);
        Mat db = descriptors(b);
        DMatchVectorVector knn = new DMatchVectorVector()) {
      matcher.knnMatch(da, db, knn, 2);
      java.util.List<DMatch> matches = new java.util.ArrayList<>();
      for (long q = 0; q < knn.size(); q++) {
        DMatchVector pair = knn.get(q);
        if (pair.size() == 2 && pair.get(0).distance() < RATIO * pair.get(1).distance()) {
          matches.add(pair.get(0));
        }
      }
      int n = matches.size();
      if (n < MIN_MATCHES) {
        return new ViewMatch(n, 0, null);
      }
      try (Mat src = new Mat(n, 1, opencv_core.CV_32FC2);
          Mat dst = new Mat(n, 1, opencv_core.CV_32FC2);
          Mat mask = new Mat()) {
        FloatIndexer si = src.createIndexer();
        FloatIndexer di = dst.createIndexer();
        float[] ka = a.keypoints();
        float[] kb = b.keypoints();
        for (int i = 0; i < n; i++) {
          DMatch m = matches.get(i);
          si.put(i, 0, 0, ka[4 * m.queryIdx()]);
          si.put(i, 0, 1, ka[4 * m.queryIdx() + 1]);
          di.put(i, 0, 0, kb[4 * m.trainIdx()]);
          di.put(i, 0, 1, kb[4 * m.trainIdx() + 1]);
        }
        si.close();
        di.close();
        try (Mat h =
            opencv_calib3d.findHomography(
                src, dst, opencv_calib3d.RANSAC, REPROJECTION_PX, mask, 500, 0.995)) {
          if (h.empty()) {
            return new ViewMatch(n, 0, null);
          }
          double[] hm = new double[9];
          try (DoubleIndexer hi = h.createIndexer()) {
            for (int r = 0; r < 3; r++) {
              for (int c = 0; c < 3; c++) {
                hm[3 * r + c] = hi.get(r, c);
              }
            }
          }
          return new ViewMatch(n, opencv_core.countNonZero(mask), hm);
        }
      }
    }
  }

  private static Mat descriptors(FrameFeatures f) {
    Mat d = new Mat(f.count(), FrameFeatures.DESCRIPTOR_BYTES, opencv_core.CV_8UC1);
    d.data().put(f.descriptors());
    return d;
  }

  @Override
  public void close() {
    matcher.close();
  }
}
