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
  private final int channels;
  private long index;

  private FfmpegFrameSource(Path file, FFmpegFrameGrabber grabber, VideoInfo info, int channels) {
    this.file = file;
    this.grabber = grabber;
    this.info = info;
    this.channels = channels;
  }

  /**
   * Opens a video for analysis: grey frames, scaled by FFmpeg while converting (the cheapest place
   * to shrink them) so that the width is at most {@code maxWidth} px.
   */
  public static FfmpegFrameSource openGrey(Path file, int maxWidth) throws IOException {
    FfmpegFrameSource src = open(file, avutil.AV_PIX_FMT_GRAY8, 1);
    VideoInfo info = src.info();
    if (info.width() > maxWidth) {
      int h = (int) Math.round((double) info.height() * maxWidth / info.width());
      src.grabber.setImageWidth(maxWidth);
      src.grabber.setImageHeight(h + (h & 1));
    }
    return src;
  }

  /**
   * Opens a video for decoding.
   *
   * @throws VideoFormatException when the file is missing, empty, or has no decodable video
   */
  public static FfmpegFrameSource open(Path file) throws IOException {
    return open(file, avutil.AV_PIX_FMT_BGR24, 3);
  }

  private static FfmpegFrameSource open(Path file, int pixelFormat, int channels)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new VideoFormatException(file, "no such file");
    }
    if (Files.size(file) == 0) {
      throw new VideoFormatException(file, "file is empty (0 bytes)");
    }
    FfmpegLog.quiet();
    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
    grabber.setPixelFormat(pixelFormat);
    grabber.setVideoOption("threads", "0"); // FFmpeg's choice: frame threads on every core
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
    return new FfmpegFrameSource(file, grabber, info, channels);
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
    int row = w * channels;
    byte[] pixels = new byte[row * h];
    ByteBuffer buf = (ByteBuffer) frame.image[0];
    int stride = frame.imageStride; // in bytes for 8-bit images
    for (int y = 0; y < h; y++) {
      buf.get(y * stride, pixels, y * row, row);
    }
    return new VideoFrame(index++, frame.timestamp / 1e6, w, h, channels, pixels);
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
