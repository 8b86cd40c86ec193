package dev.mtbsync.render;

import dev.mtbsync.camera.CameraDifference;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/** Row-major 3x3 homographies and the four corners of a picture they carry. */
final class Homography {

  private Homography() {}

  /**
   * The camera difference as a map from the other run's frame to the followed run's, frames at the
   * sizes given (px): the new picture's centre goes to the reference's plus the shift, turned by
   * the roll and scaled by the zoom (see {@link CameraDifference}). Without an estimate, the two
   * pictures are taken to frame the trail alike: each one's width onto the other's.
   *
   * @param followNew true when the new run is followed (the reference is the ghost)
   */
  static double[] fromCamera(
      CameraDifference camera, boolean followNew, int newW, int newH, int refW, int refH) {
    boolean known = camera.moments() > 0 && camera.zoom() > 0;
    double zoom = known ? camera.zoom() : 1;
    double roll = known && Double.isFinite(camera.rollDeg()) ? Math.toRadians(camera.rollDeg()) : 0;
    double sx = known && Double.isFinite(camera.shiftX()) ? camera.shiftX() : 0;
    double sy = known && Double.isFinite(camera.shiftY()) ? camera.shiftY() : 0;
    double s = (double) refW / (newW * zoom);
    double cos = s * Math.cos(roll);
    double sin = s * Math.sin(roll);
    double[] toCentre = {1, 0, -newW / 2.0, 0, 1, -newH / 2.0, 0, 0, 1};
    double[] turnScale = {cos, -sin, 0, sin, cos, 0, 0, 0, 1};
    double[] toRef = {1, 0, refW / 2.0 + sx * refW, 0, 1, refH / 2.0 + sy * refH, 0, 0, 1};
    double[] newToRef = multiply(toRef, multiply(turnScale, toCentre));
    return followNew ? invert(newToRef) : newToRef;
  }

  /** Where {@code h} sends the corners (0,0), (w,0), (w,h), (0,h): x, y of each. */
  static double[] corners(double[] h, int w, int ht) {
    double[] src = {0, 0, w, 0, w, ht, 0, ht};
    double[] out = new double[8];
    for (int i = 0; i < 4; i++) {
      double[] p = apply(h, src[2 * i], src[2 * i + 1]);
      out[2 * i] = p[0];
      out[2 * i + 1] = p[1];
    }
    return out;
  }

  static double[] apply(double[] h, double x, double y) {
    double d = h[6] * x + h[7] * y + h[8];
    return new double[] {(h[0] * x + h[1] * y + h[2]) / d, (h[3] * x + h[4] * y + h[5]) / d};
  }

  /** The homography sending the corners of a {@code w x h} picture to {@code corners}. */
  static double[] fromCorners(double[] corners, int w, int ht) {
    double[] src = {0, 0, w, 0, w, ht, 0, ht};
    try (Mat a = new Mat(4, 1, opencv_core.CV_32FC2);
        Mat b = new Mat(4, 1, opencv_core.CV_32FC2)) {
      try (FloatIndexer ai = a.createIndexer();
          FloatIndexer bi = b.createIndexer()) {
        for (int i = 0; i < 4; i++) {
          ai.put(i, 0, 0, (float) src[2 * i]);
          ai.put(i, 0, 1, (float) src[2 * i + 1]);
          bi.put(i, 0, 0, (float) corners[2 * i]);
          bi.put(i, 0, 1, (float) corners[2 * i + 1]);
        }
      }
      try (Mat m = opencv_imgproc.getPerspectiveTransform(a, b);
          DoubleIndexer mi = m.createIndexer()) {
        double[] h = new double[9];
        for (int r = 0; r < 3; r++) {
          for (int c = 0; c < 3; c++) {
            h[3 * r + c] = mi.get(r, c);
          }
        }
        return h;
      }
    }
  }

  /** Whether four corners, in order, make a convex quadrilateral turning one way. */
  static boolean convex(double[] c) {
    int sign = 0;
    for (int i = 0; i < 4; i++) {
      double ax = c[2 * ((i + 1) % 4)] - c[2 * i];
      double ay = c[2 * ((i + 1) % 4) + 1] - c[2 * i + 1];
      double bx = c[2 * ((i + 2) % 4)] - c[2 * ((i + 1) % 4)];
      double by = c[2 * ((i + 2) % 4) + 1] - c[2 * ((i + 1) % 4) + 1];
      int s = (int) Math.signum(ax * by - ay * bx);
      if (s == 0 || (sign != 0 && s != sign)) {
        return false;
      }
      sign = s;
    }
    return true;
  }

  static double[] multiply(double[] a, double[] b) {
    double[] out = new double[9];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        out[3 * r + c] = a[3 * r] * b[c] + a[3 * r + 1] * b[3 + c] + a[3 * r + 2] * b[6 + c];
      }
    }
    return out;
  }

  static double[] invert(double[] m) {
    double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7];
    double i = m[8];
    double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    double[] inv = {
      e * i - f * h, c * h - b * i, b * f - c * e,
      f * g - d * i, a * i - c * g, c * d - a * f,
      d * h - e * g, b * g - a * h, a * e - b * d
    };
    for (int k = 0; k < 9; k++) {
      inv[k] /= det;
    }
    return inv;
  }
}
