package dev.mtbsync.synth;

import java.util.SplittableRandom;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Gaussian sensor noise, added to finished frames with OpenCV's saturating arithmetic. A noise
 * field somewhat larger than the frame is drawn once; each frame takes a window at an offset chosen
 * from the frame number, so consecutive frames get different grain at no per-pixel cost in Java.
 * Thread-safe: the field is only read.
 */
final class SensorNoise implements AutoCloseable {

  private static final int PAD = 64;

  private final int width;
  private final int height;
  private final Mat positive;
  private final Mat negative;

  SensorNoise(int width, int height, RunLook look) {
    this.width = width;
    this.height = height;
    int w = width + PAD;
    int h = height + PAD;
    byte[] pos = new byte[w * h * 4];
    byte[] neg = new byte[w * h * 4];
    SplittableRandom rng = new SplittableRandom(look.jitterSeed() ^ 0x5EED);
    for (int i = 0; i < pos.length; i++) {
      if ((i & 3) == 3) {
        continue; // the unused fourth channel
      }
      long n = Math.round(Randoms.gaussian(rng) * look.noiseSigma());
      if (n > 0) {
        pos[i] = (byte) Math.min(255, n);
      } else {
        neg[i] = (byte) Math.min(255, -n);
      }
    }
    positive = new Mat(h, w, opencv_core.CV_8UC4);
    negative = new Mat(h, w, opencv_core.CV_8UC4);
    positive.data().put(pos);
    negative.data().put(neg);
  }

  /** Adds this frame's grain to a BGRA frame of the run's size, in place. */
  void addTo(Mat frame, long frameNumber) {
    long mixed = frameNumber * 0x9E3779B97F4A7C15L;
    int dx = (int) ((mixed >>> 20) % PAD);
    int dy = (int) ((mixed >>> 40) % PAD);
    try (Rect window = new Rect(dx, dy, width, height);
        Mat up = positive.apply(window);
        Mat down = negative.apply(window)) {
      opencv_core.add(frame, up, frame);
      opencv_core.subtract(frame, down, frame);
    }
  }

  @Override
  public void close() {
    positive.close();
    negative.close();
  }
}
