package dev.mtbsync.video;

import java.io.IOException;
import java.nio.Buffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes a video file's sound track with FFmpeg (through JavaCV), chunk by chunk in presentation
 * order; video packets are skipped without decoding.
 */
public final class FfmpegAudioSource implements AutoCloseable {

  /**
   * One decoded chunk of sound.
   *
   * @param ptsSec presentation time (s) of its first sample
   * @param samples the samples as the decoder gives them (one buffer per channel when planar);
   *     valid only until the next {@link #next()}
   */
  public record Chunk(double ptsSec, Buffer[] samples) {}

  private final Path file;
  private final FFmpegFrameGrabber grabber;

  private FfmpegAudioSource(Path file, FFmpegFrameGrabber grabber) {
    this.file = file;
    this.grabber = grabber;
  }

  /**
   * Opens a file's sound track.
   *
   * @return the source, or null when the file has no sound track
   * @throws VideoFormatException when the file is missing or not readable
   */
  public static FfmpegAudioSource open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new VideoFormatException(file, "no such file");
    }
    FfmpegLog.quiet();
    FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
    try {
      g.start();
    } catch (FrameGrabber.Exception e) {
      FfmpegFrameSource.closeQuietly(g);
      throw new VideoFormatException(file, "not a readable video (" + e.getMessage() + ")", e);
    }
    if (!g.hasAudio() || g.getAudioChannels() <= 0 || g.getSampleRate() <= 0) {
      FfmpegFrameSource.closeQuietly(g);
      return null;
    }
    return new FfmpegAudioSource(file, g);
  }

  /** Samples per second. */
  public int sampleRate() {
    return grabber.getSampleRate();
  }

  /** Channels (1 mono, 2 stereo, ...). */
  public int channels() {
    return grabber.getAudioChannels();
  }

  /** Moves to the chunk at or just before {@code sec} (s): one seek, then decoding forward. */
  public void skipTo(double sec) throws IOException {
    if (!(sec > 0)) {
      return;
    }
    try {
      grabber.setAudioTimestamp(Math.round(sec * 1e6));
    } catch (FrameGrabber.Exception e) {
      throw new VideoFormatException(file, "cannot seek the sound to " + sec + " s", e);
    }
  }

  /** The next chunk, or null at the end of the sound track. */
  public Chunk next() throws IOException {
    Frame f;
    try {
      f = grabber.grabSamples();
    } catch (FrameGrabber.Exception e) {
      throw new VideoFormatException(file, "decoding the sound failed", e);
    }
    return f == null || f.samples == null ? null : new Chunk(f.timestamp / 1e6, f.samples);
  }

  @Override
  public void close() throws IOException {
    try {
      grabber.close();
    } catch (FrameGrabber.Exception e) {
      throw new IOException(file + ": could not close decoder", e);
    }
  }
}
