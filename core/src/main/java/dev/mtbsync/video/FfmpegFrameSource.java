package dev.mtbsync.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/** Decodes a video file with FFmpeg (through JavaCV) into packed BGR frames. */
public final class FfmpegFrameSource implements FrameSource {

  private final Path file;
  private final FFmpegFrameGrabber grabber;
  private final VideoInfo info;
  private long index;

  private FfmpegFrameSource(Path file, FFmpegFrameGrabber grabber, VideoInfo info) {
    this.file = file;
    this.grabber = grabber;
    this.info = info;
  }

  /**
   * Opens a video for decoding.
   *
   * @throws VideoFormatException when the file is missing, empty, or has no decodable video
   */
  public static FfmpegFrameSource open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new VideoFormatException(file, "no such file");
    }
    if (Files.size(file) == 0) {
      throw new VideoFormatException(file, "file is empty (0 bytes)");
    }
    FfmpegLog.quiet();
    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
    grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
    try {
      grabber.start();
    } catch (FrameGrabber.Exception e) {
      closeQuietly(grabber);
      throw new VideoFormatException(file, "not a readable video (" + e.getMessage() + ")", e);
    }
    if (!grabber.hasVideo() || grabber.getImageWidth() <= 0) {
      closeQuietly(grabber);
      throw new VideoFormatException(file, "contains no video stream");
    }
    long micros = grabber.getLengthInTime();
    VideoInfo info =
        new VideoInfo(
            grabber.getImageWidth(),
            grabber.getImageHeight(),
            grabber.getFrameRate(),
            micros > 0 ? micros / 1e6 : Double.NaN,
            grabber.getLengthInVideoFrames() > 0 ? grabber.getLengthInVideoFrames() : -1,
            grabber.getVideoCodecName());
    return new FfmpegFrameSource(file, grabber, info);
  }

  @Override
  public VideoInfo info() {
    return info;
  }

  @Override
  public VideoFrame next() throws IOException {
    Frame frame;
    try {
      frame = grabber.grabImage();
    } catch (FrameGrabber.Exception e) {
      throw new VideoFormatException(file, "decoding failed at frame " + index, e);
    }
    if (frame == null || frame.image == null) {
      return null;
    }
    int w = frame.imageWidth;
    int h = frame.imageHeight;
    byte[] bgr = new byte[w * h * 3];
    ByteBuffer buf = (ByteBuffer) frame.image[0];
    int stride = frame.imageStride;
    for (int y = 0; y < h; y++) {
      buf.get(y * stride, bgr, y * w * 3, w * 3);
    }
    return new VideoFrame(index++, frame.timestamp / 1e6, w, h, bgr);
  }

  @Override
  public void close() throws IOException {
    try {
      grabber.close();
    } catch (FrameGrabber.Exception e) {
      throw new IOException(file + ": could not close decoder", e);
    }
  }

  private static void closeQuietly(FFmpegFrameGrabber grabber) {
    try {
      grabber.close();
    } catch (FrameGrabber.Exception ignored) {
      // already failing; the caller reports the first problem
    }
  }
}
