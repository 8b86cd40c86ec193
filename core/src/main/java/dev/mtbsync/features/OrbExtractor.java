package dev.mtbsync.features;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.KeyPoint;
import org.bytedeco.opencv.opencv_core.KeyPointVector;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_features2d.ORB;
import org.bytedeco.opencv.opencv_imgproc.CLAHE;

/** ORB keypoints and descriptors (OpenCV) of grey frames. One instance per thread. */
public final class OrbExtractor implements AutoCloseable {

  /**
   * Scales ORB looks at, 1.2 apart (1 to 1.73x).
   *
   * <p>DESIGN NOTE: two runs of a trail see the same place at nearly the same scale (mount zoom
   * differs by a few percent), so OpenCV's default eight levels (up to 3.6x) mostly add time and
   * matches between unrelated scales. Measured on five 60 s synth pairs: four levels cut the sync's
   * CPU time by about a tenth and the marker P90 from 1.9 to 1.5 frames.
   */
  static final int PYRAMID_LEVELS = 4;

  private final ORB orb;
  private final CLAHE clahe;

  public OrbExtractor(OrbConfig config) {
    orb = ORB.create(config.keypoints(), 1.2f, PYRAMID_LEVELS, 31, 0, 2, ORB.HARRIS_SCORE, 31, 20);
    clahe =
        config.clahe()
            ? opencv_imgproc.createCLAHE(2.0, new org.bytedeco.opencv.opencv_core.Size(8, 8))
            : null;
  }

  /**
   * @param grey 8-bit grey pixels, rows without padding
   */
  public FrameFeatures extract(double tSec, byte[] grey, int width, int height) {
    try (Mat img = new Mat(height, width, opencv_core.CV_8UC1);
        Mat eq = new Mat();
        Mat mask = new Mat();
        KeyPointVector kp = new KeyPointVector();
        Mat desc = new Mat()) {
      img.data().put(grey, 0, width * height);
      Mat input = img;
      if (clahe != null) {
        clahe.apply(img, eq);
        input = eq;
      }
      orb.detectAndCompute(input, mask, kp, desc);
      int n = desc.empty() ? 0 : desc.rows();
      float[] points = new float[n * 4];
      for (int i = 0; i < n; i++) {
        KeyPoint p = kp.get(i);
        points[4 * i] = p.pt().x();
        points[4 * i + 1] = p.pt().y();
        points[4 * i + 2] = p.angle();
        points[4 * i + 3] = p.size();
      }
      byte[] d = new byte[n * FrameFeatures.DESCRIPTOR_BYTES];
      if (n > 0) {
        ((BytePointer) desc.data()).get(d);
      }
      return new FrameFeatures(tSec, points, d, Signature.of(grey, width, height));
    }
  }

  @Override
  public void close() {
    orb.close();
    if (clahe != null) {
      clahe.close();
    }
  }
}
