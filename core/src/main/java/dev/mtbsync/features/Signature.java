package dev.mtbsync.features;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Global per-frame signature for coarse retrieval: the frame's luma box-averaged down to 20x12,
 * centred and scaled to unit length, so that a dot product is a normalised correlation that ignores
 * exposure and tolerates small camera offsets.
 */
public final class Signature {

  /** Columns and rows of the thumbnail, row by row in the signature. */
  public static final int W = 20;

  public static final int H = 12;

  private Signature() {}

  /** The signature of 8-bit grey pixels (rows without padding). */
  public static float[] of(byte[] grey, int width, int height) {
    byte[] small = new byte[W * H];
    try (Mat img = new Mat(height, width, opencv_core.CV_8UC1);
        Mat out = new Mat()) {
      img.data().put(grey, 0, width * height);
      opencv_imgproc.resize(img, out, new Size(W, H), 0, 0, opencv_imgproc.INTER_AREA);
      out.data().get(small);
    }
    float[] v = new float[W * H];
    double mean = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = small[i] & 255;
      mean += v[i];
    }
    mean /= v.length;
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] -= (float) mean;
      norm += v[i] * v[i];
    }
    float inv = (float) (1 / Math.sqrt(norm + 1e-9));
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
    return v;
  }

  /** Normalised correlation of two signatures, -1 to 1. */
  public static double similarity(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
