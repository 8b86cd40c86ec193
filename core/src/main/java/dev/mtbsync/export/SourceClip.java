package dev.mtbsync.export;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The new run's video as an export needs it.
 *
 * @param file the video file
 * @param fps its frame rate as measured (frames per second)
 * @param durationSec its length in seconds, NaN when unknown
 * @param frameCount its frame count, -1 when unknown
 * @param width frame width in px
 * @param height frame height in px
 * @param startTimecode the timecode of its first frame as the file states it (GoPro's {@code tmcd}
 *     track, e.g. {@code 19:26:48:04}), or null when it states none
 * @param audioChannels channels of its sound track (2 for stereo), 0 when it has none
 * @param audioSampleRate samples per second of its sound track (48000), 0 when it has none
 */
public record SourceClip(
    Path file,
    double fps,
    double durationSec,
    long frameCount,
    int width,
    int height,
    String startTimecode,
    int audioChannels,
    int audioSampleRate) {

  /** A clip without sound. */
  public SourceClip(
      Path file,
      double fps,
      double durationSec,
      long frameCount,
      int width,
      int height,
      String startTimecode) {
    this(file, fps, durationSec, frameCount, width, height, startTimecode, 0, 0);
  }

  /** True when the clip has a sound track the editor should import with it. */
  public boolean hasAudio() {
    return audioChannels > 0 && audioSampleRate > 0;
  }

  /** The editor rate the clip runs at, or empty when it is none (e.g. 119.88 fps). */
  public Optional<FrameRate> ownRate() {
    return FrameRate.nearest(fps);
  }

  /**
   * Where the clip ends, in seconds from its first frame: its frame count at its own rate when both
   * are known (exact), else its stated duration; NaN when neither is known.
   */
  public double endSec() {
    Optional<FrameRate> own = ownRate();
    if (own.isPresent() && frameCount > 0) {
      return own.get().secondsOf(frameCount);
    }
    return Double.isFinite(durationSec) && durationSec > 0 ? durationSec : Double.NaN;
  }

  /**
   * Timeline frames at {@code rate} that show some of the clip: its own count when {@code rate} is
   * its rate, else its end in frames of {@code rate}, rounded up; -1 when its length is unknown.
   *
   * <p>DESIGN NOTE: rounded up, not down: a 29.97 clip on a 25 fps timeline shows its last frame on
   * a timeline frame it only partly covers, and a marker there is on the clip (issue 14).
   */
  public long framesAt(FrameRate rate) {
    boolean sameRate = ownRate().map(rate::equals).orElse(false);
    if (sameRate && frameCount > 0) {
      return frameCount;
    }
    double end = endSec();
    return Double.isNaN(end) ? -1 : (long) Math.ceil(end * rate.num() / rate.den() - 1e-6);
  }
}
