package dev.mtbsync.video;

import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Writes an H.264 (yuv420p) MP4 at a constant frame rate through JavaCV's FFmpeg.
 *
 * <p>DESIGN NOTE: encodes with libx264 at its fastest preset and constant quality. libx264 ships
 * only in JavaCV's GPL build of FFmpeg; the LGPL build's OpenH264 encoder was measured 2.5x slower
 * per 720p frame (16-21 ms against 7.5 ms on one core), which alone would take the 60 s sample pair
 * past a minute. If libx264 is missing the sink falls back to whatever H.264 encoder exists.
 */
public final class H264FileSink implements FrameSink {

  private final Path file;
  private final FFmpegFrameRecorder recorder;
  private final int width;
  private final int height;
  private final ByteBuffer pixels;
  private boolean closed;

  /**
   * @param file output path; the container is chosen as MP4 whatever the extension
   * @param width width in px (even)
   * @param height height in px (even)
   * @param fps frame rate; NTSC rates such as 29.97 are stored as exact n/1001 fractions
   * @param crf constant rate factor, 0 (lossless) to 51; about 18-23 looks clean
   */
  public H264FileSink(Path file, int width, int height, double fps, int crf) throws IOException {
    this(file, width, height, fps, crf, 0);
  }

  /**
   * As {@link #H264FileSink(Path, int, int, double, int)}, with a display matrix in the video
   * stream that tells players to turn the stored frames.
   *
   * @param width width in px of the frames as stored (even)
   * @param height height in px of the frames as stored (even)
   * @param rotateDeg clockwise turn a player applies for display: 0, 90, 180 or 270 (what FFmpeg's
   *     {@code rotate} tag meant; ffprobe shows the display matrix's rotation as minus this)
   */
  public H264FileSink(Path file, int width, int height, double fps, int crf, int rotateDeg)
      throws IOException {
    this(file, width, height, fps, crf, rotateDeg, 0, 0);
  }

  /**
   * As {@link #H264FileSink(Path, int, int, double, int, int)}, with an AAC sound track fed by
   * {@link #writeSamples}.
   *
   * @param audioChannels channels of the sound track; 0 for none
   * @param sampleRate its samples per second
   */
  public H264FileSink(
      Path file,
      int width,
      int height,
      double fps,
      int crf,
      int rotateDeg,
      int audioChannels,
      int sampleRate)
      throws IOException {
    FfmpegLog.quiet();
    this.file = file;
    FFmpegFrameRecorder x264 =
        recorder(file, width, height, fps, rotateDeg, audioChannels, sampleRate);
    x264.setVideoCodecName("libx264");
    x264.setVideoOption("preset", "ultrafast");
    x264.setVideoOption("crf", Integer.toString(crf));
    FFmpegFrameRecorder started;
    try {
      x264.start();
      started = x264;
    } catch (FrameRecorder.Exception noX264) {
      closeQuietly(x264);
      FFmpegFrameRecorder fallback =
          recorder(file, width, height, fps, rotateDeg, audioChannels, sampleRate);
      // about the bit rate x264 reaches at that quality on forest footage
      fallback.setVideoBitrate((int) Math.min(Integer.MAX_VALUE, 0.15 * width * height * fps));
      try {
        fallback.start();
      } catch (FrameRecorder.Exception e) {
        closeQuietly(fallback);
        throw new IOException(file + ": cannot start an H.264 encoder (" + e.getMessage() + ")", e);
      }
      started = fallback;
    }
    recorder = started;
    this.width = width;
    this.height = height;
    pixels = ByteBuffer.allocateDirect(width * height * 3 / 2);
  }

  private static FFmpegFrameRecorder recorder(
      Path file,
      int width,
      int height,
      double fps,
      int rotateDeg,
      int audioChannels,
      int sampleRate) {
    FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), width, height, audioChannels);
    if (audioChannels > 0) {
      r.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
      r.setSampleRate(sampleRate);
      r.setAudioBitrate(160_000);
    }
    if (rotateDeg != 0) {
      r.setDisplayRotation(-rotateDeg); // FFmpeg's matrix angle turns counter-clockwise
    }
    r.setFormat("mp4");
    r.setVideoCodec(avcodec.AV_CODEC_ID_H264);
    r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
    r.setFrameRate(FrameRates.exact(fps));
    r.setGopSize((int) Math.max(1, Math.round(fps * 2)));
    return r;
  }

  private static void closeQuietly(FFmpegFrameRecorder r) {
    try {
      r.close();
    } catch (FrameRecorder.Exception ignored) {
      // the start failure is what gets reported
    }
  }

  @Override
  public void write(byte[] i420) throws IOException {
    pixels.clear();
    pixels.put(i420);
    pixels.flip();
    try {
      // already in the encoder's pixel format: no colour conversion inside FFmpeg
      recorder.recordImage(
          width, height, Frame.DEPTH_UBYTE, 1, width, avutil.AV_PIX_FMT_YUV420P, pixels);
    } catch (FrameRecorder.Exception e) {
      throw new IOException(file + ": encoding failed (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Appends sound (a sink opened with a sound track only), interleaved with the frames by FFmpeg.
   *
   * @param samples as a decoder gives them: one buffer per channel when planar, else one
   */
  public void writeSamples(int sampleRate, int channels, Buffer... samples) throws IOException {
    try {
      recorder.recordSamples(sampleRate, channels, samples);
    } catch (FrameRecorder.Exception e) {
      throw new IOException(file + ": encoding the sound failed (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      recorder.close();
    } catch (FrameRecorder.Exception e) {
      throw new IOException(file + ": could not finish the video (" + e.getMessage() + ")", e);
    }
  }
}
