package dev.mtbsync.video;

import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.global.opencv_calib3d;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.DMatchVector;
import org.bytedeco.opencv.opencv_core.KeyPointVector;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_features2d.BFMatcher;
import org.bytedeco.opencv.opencv_features2d.ORB;

/**
 * Test helper: how much two pictures show the same scene, as the number of ORB matches that one
 * homography explains (RANSAC, 4 px). Two views of one place score high, different places low.
 */
public final class OrbMatcher implements AutoCloseable {

  private final ORB orb = ORB.create(1000, 1.2f, 8, 31, 0, 2, ORB.HARRIS_SCORE, 31, 20);
  private final BFMatcher matcher = new BFMatcher(opencv_core.NORM_HAMMING, true);

  /** Keypoints and descriptors of one frame. */
  public record Features(KeyPointVector points, Mat descriptors) {}

  public Features features(VideoFrame f) {
    try (Mat bgr = new Mat(f.height(), f.width(), opencv_core.CV_8UC3);
        Mat grey = new Mat()) {
      bgr.data().put(f.pixels());
      opencv_imgproc.cvtColor(bgr, grey, opencv_imgproc.COLOR_BGR2GRAY);
      KeyPointVector kp = new KeyPointVector();
      Mat desc = new Mat();
      orb.detectAndCompute(grey, new Mat(), kp, desc);
      return new Features(kp, desc);
    }
  }

  /** RANSAC homography inliers among cross-checked matches. */
  public int inliers(Features a, Features b) {
    if (a.descriptors().empty() || b.descriptors().empty()) {
      return 0;
    }
    DMatchVector matches = new DMatchVector();
    matcher.match(a.descriptors(), b.descriptors(), matches);
    int n = (int) matches.size();
    if (n < 8) {
      return 0;
    }
    try (Mat src = new Mat(n, 1, opencv_core.CV_32FC2);
        Mat dst = new Mat(n, 1, opencv_core.CV_32FC2);
        Mat mask = new Mat()) {
      FloatIndexer si = src.createIndexer();
      FloatIndexer di = dst.createIndexer();
      for (int i = 0; i < n; i++) {
        var pa = a.points().get(matches.get(i).queryIdx()).pt();
        var pb = b.points().get(matches.get(i).trainIdx()).pt();
        si.put(i, 0, 0, pa.x());
        si.put(i, 0, 1, pa.y());
        di.put(i, 0, 0, pb.x());
        di.put(i, 0, 1, pb.y());
      }
      Mat h = opencv_calib3d.findHomography(src, dst, mask, opencv_calib3d.RANSAC, 4.0);
      h.close();
      return opencv_core.countNonZero(mask);
    }
  }

  @Override
  public void close() {
    orb.close();
    matcher.close();
  }
}
