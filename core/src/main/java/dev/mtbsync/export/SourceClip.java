package dev.mtbsync.export;

import java.nio.file.Path;

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
 */
public record SourceClip(
    Path file,
    double fps,
    double durationSec,
    long frameCount,
    int width,
    int height,
    String startTimecode) {

  /**
   * Frames the clip holds at {@code rate}: its own count when {@code rate} is its rate, else its
   * duration in frames of {@code rate}; -1 when neither is known.
   */
  public long framesAt(FrameRate rate) {
    boolean sameRate = FrameRate.nearest(fps).map(rate::equals).orElse(false);
    if (sameRate && frameCount > 0) {
      return frameCount;
    }
    if (Double.isFinite(durationSec) && durationSec > 0) {
      return (long) Math.floor(durationSec * rate.num() / rate.den() + 1e-6);
    }
    return -1;
  }
}
