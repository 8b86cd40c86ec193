package dev.mtbsync.video;

import java.nio.ByteBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.Frame;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Decoded pixels made into what the engine analyses: packed rows without padding, shrunk where
 * asked, and turned upright by the display matrix's quarter turns (see {@link FfmpegFrameSource}
 * for why).
 */
final class UprightPixels {

  private UprightPixels() {}

  /**
   * Clockwise quarter turns (0 to 3) that make a stored picture upright, from the display matrix's
   * rotation as FFmpeg reads it ({@code av_display_rotation_get}: degrees counter-clockwise, so -90
   * means "show it turned a quarter clockwise", as phones store portrait video); 0 for no matrix or
   * an angle more than 1 degree off a right angle.
   */
  static int quarterTurns(double displayRotationDeg) {
    double quarters = -displayRotationDeg / 90;
    long nearest = Math.round(quarters);
    if (!Double.isFinite(quarters) || Math.abs(quarters - nearest) > 1.0 / 90) {
      return 0;
    }
    return (int) Math.floorMod(nearest, 4L);
  }

  /**
   * A packed frame of {@code channels} bytes a pixel, turned by {@code turns} clockwise quarter
   * turns.
   */
  static byte[] turned(Frame frame, int channels, int turns) {
    try (BytePointer data = new BytePointer((ByteBuffer) frame.image[0]);
        Mat stored =
            new Mat(
                frame.imageHeight,
                frame.imageWidth,
                opencv_core.CV_8UC(channels),
                data,
                frame.imageStride)) {
      return upright(stored, turns);
    }
  }

  /** The picture turned upright by {@code turns} clockwise quarter turns, as packed bytes. */
  static byte[] upright(Mat picture, int turns) {
    if (turns == 0) {
      return packed(picture);
    }
    int code =
        switch (turns) {
          case 1 -> opencv_core.ROTATE_90_CLOCKWISE;
          case 2 -> opencv_core.ROTATE_180;
          default -> opencv_core.ROTATE_90_COUNTERCLOCKWISE;
        };
    try (Mat turned = new Mat()) {
      opencv_core.rotate(picture, turned, code);
      return packed(turned);
    }
  }

  private static byte[] packed(Mat m) {
    int row = m.cols() * m.channels();
    byte[] pixels = new byte[row * m.rows()];
    if (m.isContinuous()) {
      m.data().get(pixels);
    } else {
      for (int y = 0; y < m.rows(); y++) {
        m.ptr(y).get(pixels, y * row, row);
      }
    }
    return pixels;
  }

  /** A packed frame's first {@code h} rows of {@code row} bytes each, without the row padding. */
  static byte[] copyPacked(Frame frame, int row, int h) {
    byte[] pixels = new byte[row * h];
    ByteBuffer buf = (ByteBuffer) frame.image[0];
    int stride = frame.imageStride; // in bytes for 8-bit images
    for (int y = 0; y < h; y++) {
      buf.get(y * stride, pixels, y * row, row);
    }
    return pixels;
  }

  /**
   * A luma plane shrunk to {@code outWidth} x {@code outHeight} px (as stored) and turned upright
   * by {@code turns} clockwise quarter turns.
   */
  static byte[] shrunkLuma(Frame frame, int outWidth, int outHeight, int turns) {
    try (BytePointer data = new BytePointer((ByteBuffer) frame.image[0]);
        Mat luma =
            new Mat(
                frame.imageHeight, frame.imageWidth, opencv_core.CV_8UC1, data, frame.imageStride);
        Mat small = new Mat();
        Size size = new Size(outWidth, outHeight)) {
      Mat out = luma;
      if (outWidth != frame.imageWidth || outHeight != frame.imageHeight) {
        // area averaging where it matters (shrinking to half or less); bilinear, many times
        // cheaper, for the gentle 4:3 step from 1280 to 960 px
        int interpolation =
            2 * outWidth <= frame.imageWidth
                ? opencv_imgproc.INTER_AREA
                : opencv_imgproc.INTER_LINEAR;
        opencv_imgproc.resize(luma, small, size, 0, 0, interpolation);
        out = small;
      }
      return upright(out, turns);
    }
  }
}
