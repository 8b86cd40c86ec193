package dev.mtbsync.render;

import dev.mtbsync.video.VideoFrame;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Lays the other run's frame over the followed run's: warped by a homography onto it and blended in
 * at {@link Compositor#GHOST} where it lands; elsewhere the followed picture stays as it is.
 *
 * <p>DESIGN NOTE: the perspective warp was the render's largest cost (a 1080p frame's warp took
 * more CPU than decoding it). The ghost is warped at {@value #SCALE} of the followed picture's
 * width and height, a quarter of the pixels, and brought to its size by a plain resize, which is
 * cheap: measured on one core, 7-10 ms for the two against 25 ms for the warp at 1080p. A ghost
 * shown at under half strength loses little by it. OpenCV's transparent border (which would leave
 * the followed picture where the ghost does not land) was the slowest of its borders and does not
 * survive the resize, so the warp replicates the ghost's edge and a mask of where it lands limits
 * the blend; when it lands over the whole picture (a wider camera's ghost) no mask is needed. The
 * buffers are made once and reused for every frame.
 */
final class Ghost implements AutoCloseable {

  /** The share of the followed picture's width and height the ghost is warped at. */
  static final double SCALE = 0.5;

  private static final Scalar NONE = new Scalar();
  private static final Scalar INSIDE = new Scalar(255, 255, 255, 0);

  /** Sub-pixel bits for the mask's corners. */
  private static final int SHIFT = 4;

  private final int width;
  private final int height;
  private final Mat source = new Mat();
  private final Mat small;
  private final Mat upscaled = new Mat();
  private final Mat blended = new Mat();
  private final Mat mask;
  private final Mat quad = new Mat(4, 1, opencv_core.CV_32SC2);
  private final Mat map = new Mat(3, 3, opencv_core.CV_64F);
  private final Size smallSize;
  private final Size fullSize;

  /**
   * @param width the followed picture's width, px (as decoded)
   * @param height its height, px
   */
  Ghost(int width, int height) {
    this.width = width;
    this.height = height;
    int sw = Math.max(2, (int) Math.round(width * SCALE));
    int sh = Math.max(2, (int) Math.round(height * SCALE));
    small = new Mat(sh, sw, opencv_core.CV_8UC3);
    mask = new Mat(height, width, opencv_core.CV_8UC1);
    smallSize = new Size(sw, sh);
    fullSize = new Size(width, height);
  }

  /**
   * Blends {@code other} into {@code followed}.
   *
   * @param followed the followed picture (BGR, {@code width x height}), changed in place
   * @param other the other run's frame (BGR)
   * @param h row-major 3x3, other-frame px to followed-picture px
   */
  void blend(Mat followed, VideoFrame other, double[] h) {
    source.create(other.height(), other.width(), opencv_core.CV_8UC3);
    source.data().put(other.pixels());
    double sx = (double) small.cols() / width;
    double sy = (double) small.rows() / height;
    try (DoubleIndexer mi = map.createIndexer()) {
      for (int c = 0; c < 3; c++) {
        mi.put(0, c, h[c] * sx);
        mi.put(1, c, h[3 + c] * sy);
        mi.put(2, c, h[6 + c]);
      }
    }
    opencv_imgproc.warpPerspective(
        source,
        small,
        map,
        smallSize,
        opencv_imgproc.INTER_LINEAR,
        opencv_core.BORDER_REPLICATE,
        NONE);
    opencv_imgproc.resize(small, upscaled, fullSize, 0, 0, opencv_imgproc.INTER_LINEAR);
    if (covers(h, other.width(), other.height())) {
      opencv_core.addWeighted(
          followed, 1 - Compositor.GHOST, upscaled, Compositor.GHOST, 0, followed);
      return;
    }
    double[] corners = Homography.corners(h, other.width(), other.height());
    try (IntIndexer qi = quad.createIndexer()) {
      for (int i = 0; i < 4; i++) {
        qi.put(i, 0, 0, (int) Math.round(corners[2 * i] * (1 << SHIFT)));
        qi.put(i, 0, 1, (int) Math.round(corners[2 * i + 1] * (1 << SHIFT)));
      }
    }
    mask.put(NONE);
    opencv_imgproc.fillConvexPoly(mask, quad, INSIDE, opencv_imgproc.LINE_8, SHIFT);
    opencv_core.addWeighted(followed, 1 - Compositor.GHOST, upscaled, Compositor.GHOST, 0, blended);
    blended.copyTo(followed, mask);
  }

  /**
   * Whether the other frame, carried by {@code h}, lands over the whole followed picture: that
   * picture's corners, carried back, lie inside the other frame (a rectangle, so corners suffice).
   */
  private boolean covers(double[] h, int otherWidth, int otherHeight) {
    double[] back = Homography.invert(h);
    double[] c = Homography.corners(back, width, height);
    for (int i = 0; i < 4; i++) {
      double x = c[2 * i];
      double y = c[2 * i + 1];
      if (!(x >= 0 && x <= otherWidth && y >= 0 && y <= otherHeight)) {
        return false;
      }
    }
    return true;
  }

  /** Whether this ghost was made for a followed picture of this size (px). */
  boolean fits(int width, int height) {
    return width == this.width && height == this.height;
  }

  @Override
  public void close() {
    source.close();
    small.close();
    upscaled.close();
    blended.close();
    mask.close();
    quad.close();
    map.close();
    smallSize.close();
    fullSize.close();
  }
}
