package dev.mtbsync.video;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Turns decoded frames into the grey, shrunk, upright pictures the analysis reads: the luma plane
 * resized by OpenCV where the pixel format starts with it, FFmpeg's swscale for the rest (10-bit,
 * RGB).
 */
final class GreyFrames implements AutoCloseable {

  private final int outWidth; // of the picture as stored (before turning)
  private final int outHeight;
  private final int turns;
  private SwsContext sws;

  GreyFrames(int outWidth, int outHeight, int turns) {
    this.outWidth = outWidth;
    this.outHeight = outHeight;
    this.turns = turns;
  }

  byte[] grey(AVFrame frame) {
    int w = frame.width();
    int h = frame.height();
    try (Mat small = new Mat(outHeight, outWidth, opencv_core.CV_8UC1)) {
      if (FfmpegFrameSource.LUMA_FIRST.contains(frame.format())) {
        try (BytePointer data = frame.data(0).capacity((long) frame.linesize(0) * h);
            Mat luma = new Mat(h, w, opencv_core.CV_8UC1, data, frame.linesize(0));
            Size size = new Size(outWidth, outHeight)) {
          if (outWidth == w && outHeight == h) {
            luma.copyTo(small);
          } else {
            // area averaging where it matters (shrinking to half or less); bilinear, many times
            // cheaper, for gentle steps such as 1280 to 960 px
            int interpolation =
                2 * outWidth <= w ? opencv_imgproc.INTER_AREA : opencv_imgproc.INTER_LINEAR;
            opencv_imgproc.resize(luma, small, size, 0, 0, interpolation);
          }
        }
      } else {
        // 10-bit and RGB streams: FFmpeg converts and shrinks this frame only
        sws =
            swscale.sws_getCachedContext(
                sws,
                w,
                h,
                frame.format(),
                outWidth,
                outHeight,
                avutil.AV_PIX_FMT_GRAY8,
                swscale.SWS_BILINEAR, // as the grabber converts: pictures as before
                null,
                null,
                (DoublePointer) null);
        try (PointerPointer<BytePointer> dst = new PointerPointer<>(1);
            IntPointer stride = new IntPointer(1)) {
          dst.put(0, small.data());
          stride.put(0, (int) small.step());
          swscale.sws_scale(sws, frame.data(), frame.linesize(), 0, h, dst, stride);
        }
      }
      return UprightPixels.upright(small, turns);
    }
  }

  @Override
  public void close() {
    if (sws != null) {
      swscale.sws_freeContext(sws);
      sws = null;
    }
  }
}
