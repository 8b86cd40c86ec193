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
 * Matches the ORB features of two frames (Hamming distance, Lowe's ratio test) and keeps the
 * matches one homography explains (RANSAC): matches off by more than the reprojection threshold are
 * outliers. One instance per thread. Public because the comparison video registers one run's
 * picture onto the other's with the same homography the sync matched moments by.
 */
public final class ViewMatcher implements AutoCloseable {

  /** Reprojection threshold in px of a 960 px wide frame. */
  static final double REPROJECTION_PX = 3.0;

  private static final int MIN_MATCHES = 12;

  /** Epipolar distance (px) within which a match is taken as a true correspondence. */
  static final double FUNDAMENTAL_PX = 1.5;

  /** Largest residual (px) one match adds to the parallax cost, so a stray match cannot rule it. */
  static final double PARALLAX_CAP_PX = 12.0;

  /** Lowe's ratio: a match is kept when its distance is below this share of the runner-up's. */
  static final float RATIO = 0.8f;

  private final BFMatcher matcher = new BFMatcher(opencv_core.NORM_HAMMING, false);

  /**
   * @param a features of the frame the homography maps from
   * @param b features of the frame it maps to
   */
  public ViewMatch match(FrameFeatures a, FrameFeatures b) {
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
        return new ViewMatch(n, 0, null, null);
      }
      float[] points = new float[4 * n];
      try (Mat src = new Mat(n, 1, opencv_core.CV_32FC2);
          Mat dst = new Mat(n, 1, opencv_core.CV_32FC2);
          Mat mask = new Mat()) {
        FloatIndexer si = src.createIndexer();
        FloatIndexer di = dst.createIndexer();
        float[] ka = a.keypoints();
        float[] kb = b.keypoints();
        for (int i = 0; i < n; i++) {
          DMatch m = matches.get(i);
          points[4 * i] = ka[4 * m.queryIdx()];
          points[4 * i + 1] = ka[4 * m.queryIdx() + 1];
          points[4 * i + 2] = kb[4 * m.trainIdx()];
          points[4 * i + 3] = kb[4 * m.trainIdx() + 1];
          si.put(i, 0, 0, points[4 * i]);
          si.put(i, 0, 1, points[4 * i + 1]);
          di.put(i, 0, 0, points[4 * i + 2]);
          di.put(i, 0, 1, points[4 * i + 3]);
        }
        si.close();
        di.close();
        try (Mat h =
            opencv_calib3d.findHomography(
                src, dst, opencv_calib3d.RANSAC, REPROJECTION_PX, mask, 500, 0.995)) {
          if (h.empty()) {
            return new ViewMatch(n, 0, null, points);
          }
          double[] hm = new double[9];
          try (DoubleIndexer hi = h.createIndexer()) {
            for (int r = 0; r < 3; r++) {
              for (int c = 0; c < 3; c++) {
                hm[3 * r + c] = hi.get(r, c);
              }
            }
          }
          return new ViewMatch(n, opencv_core.countNonZero(mask), hm, points);
        }
      }
    }
  }

  /**
   * How far the geometrically consistent matches are from lying on one homography: the mean squared
   * residual (px^2) of the matches a fundamental matrix accepts, about the least-squares homography
   * through them, each residual capped at {@link #PARALLAX_CAP_PX}. NaN when too few matches are
   * consistent. Measured on demand (a fundamental matrix and a second homography per pair cost
   * about as much as the match itself), only where the pair's placement asks for it.
   *
   * <p>DESIGN NOTE: at the moment both cameras stand at the same place, their pictures differ by
   * rotation and lens only, so near and far points obey one homography whatever the two cameras'
   * zoom; a moment early or late, near points leave it in proportion to the distance between the
   * camera centres (parallax). The cost is therefore about noise + k^2 * dt^2: a parabola in time
   * with its minimum at the true moment, where the inlier count peaks wherever apparent sizes agree
   * (early for a zoomed-in new camera). The fundamental matrix picks the true correspondences
   * without assuming a plane, so points with parallax count against the homography instead of
   * dropping out as RANSAC outliers.
   */
  static double parallax(ViewMatch match) {
    float[] p = match.points();
    if (p == null || p.length < 4 * MIN_MATCHES) {
      return Double.NaN;
    }
    int n = p.length / 4;
    try (Mat src = new Mat(n, 1, opencv_core.CV_32FC2);
        Mat dst = new Mat(n, 1, opencv_core.CV_32FC2)) {
      try (FloatIndexer si = src.createIndexer();
          FloatIndexer di = dst.createIndexer()) {
        for (int i = 0; i < n; i++) {
          si.put(i, 0, 0, p[4 * i]);
          si.put(i, 0, 1, p[4 * i + 1]);
          di.put(i, 0, 0, p[4 * i + 2]);
          di.put(i, 0, 1, p[4 * i + 3]);
        }
      }
      return parallax(src, dst, n)[0];
    }
  }

  private static double[] parallax(Mat src, Mat dst, int n) {
    try (Mat fmask = new Mat();
        Mat f =
            opencv_calib3d.findFundamentalMat(
                src, dst, opencv_calib3d.FM_RANSAC, FUNDAMENTAL_PX, 0.99, 200, fmask)) {
      if (f.empty()) {
        return new double[] {Double.NaN, 0};
      }
      int m = opencv_core.countNonZero(fmask);
      if (m < MIN_MATCHES) {
        return new double[] {Double.NaN, m};
      }
      float[] xs = new float[2 * m];
      float[] xd = new float[2 * m];
      try (FloatIndexer si = src.createIndexer();
          FloatIndexer di = dst.createIndexer();
          org.bytedeco.javacpp.indexer.UByteIndexer mi = fmask.createIndexer()) {
        int k = 0;
        for (int i = 0; i < n; i++) {
          if (mi.get(i) != 0) {
            xs[2 * k] = si.get(i, 0, 0);
            xs[2 * k + 1] = si.get(i, 0, 1);
            xd[2 * k] = di.get(i, 0, 0);
            xd[2 * k + 1] = di.get(i, 0, 1);
            k++;
          }
        }
      }
      try (Mat a = new Mat(m, 1, opencv_core.CV_32FC2);
          Mat b = new Mat(m, 1, opencv_core.CV_32FC2)) {
        try (FloatIndexer ai = a.createIndexer();
            FloatIndexer bi = b.createIndexer()) {
          for (int i = 0; i < m; i++) {
            ai.put(i, 0, 0, xs[2 * i]);
            ai.put(i, 0, 1, xs[2 * i + 1]);
            bi.put(i, 0, 0, xd[2 * i]);
            bi.put(i, 0, 1, xd[2 * i + 1]);
          }
        }
        try (Mat h = opencv_calib3d.findHomography(a, b, 0, 3, null, 2000, 0.995)) {
          if (h.empty()) {
            return new double[] {Double.NaN, m};
          }
          double[] hm = new double[9];
          try (DoubleIndexer hi = h.createIndexer()) {
            for (int r = 0; r < 3; r++) {
              for (int c = 0; c < 3; c++) {
                hm[3 * r + c] = hi.get(r, c);
              }
            }
          }
          double cap2 = PARALLAX_CAP_PX * PARALLAX_CAP_PX;
          double sum = 0;
          for (int i = 0; i < m; i++) {
            double x = xs[2 * i];
            double y = xs[2 * i + 1];
            double w = hm[6] * x + hm[7] * y + hm[8];
            double dx = (hm[0] * x + hm[1] * y + hm[2]) / w - xd[2 * i];
            double dy = (hm[3] * x + hm[4] * y + hm[5]) / w - xd[2 * i + 1];
            sum += Math.min(cap2, dx * dx + dy * dy);
          }
          return new double[] {sum / m, m};
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
