package dev.mtbsync.render;

import dev.mtbsync.video.FfmpegAudioSource;
import dev.mtbsync.video.H264FileSink;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Carries the new run's own sound into the comparison video, a little ahead of the frames written,
 * from the first output moment on. The sound is the followed run's, so it needs no re-timing.
 */
final class SoundCopier implements AutoCloseable {

  /** A chunk starting this much (s) before the first moment is kept: about half an AAC frame. */
  private static final double SLACK_SEC = 0.012;

  private final FfmpegAudioSource source;
  private final double start;
  private FfmpegAudioSource.Chunk pending;

  private SoundCopier(FfmpegAudioSource source, double start) {
    this.source = source;
    this.start = start;
  }

  /**
   * @param video the new run's video
   * @param start its time (s) at the first output frame
   * @return the copier, or null when the video has no sound track
   */
  static SoundCopier open(Path video, double start) throws IOException {
    FfmpegAudioSource s = FfmpegAudioSource.open(video);
    if (s == null) {
      return null;
    }
    if (start > ComparisonRenderer.SEEK_AFTER_SEC) {
      s.skipTo(start - ComparisonRenderer.SEEK_MARGIN_SEC);
    }
    return new SoundCopier(s, start);
  }

  int channels() {
    return source.channels();
  }

  int sampleRate() {
    return source.sampleRate();
  }

  /** Writes the sound that starts before the video's time {@code until} (s). */
  void copyUntil(double until, H264FileSink sink) throws IOException {
    while (true) {
      if (pending == null) {
        pending = source.next();
        if (pending == null) {
          return;
        }
      }
      if (pending.ptsSec() >= until) {
        return;
      }
      if (pending.ptsSec() >= start - SLACK_SEC) {
        sink.writeSamples(source.sampleRate(), source.channels(), pending.samples());
      }
      pending = null;
    }
  }

  @Override
  public void close() throws IOException {
    source.close();
  }
}
