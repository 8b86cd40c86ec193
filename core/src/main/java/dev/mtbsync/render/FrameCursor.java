package dev.mtbsync.render;

import dev.mtbsync.video.FrameSource;
import dev.mtbsync.video.VideoFrame;
import java.io.IOException;

/**
 * Reads a video forward only and answers "which frame is nearest this time?" for times that never
 * go back. Holds two frames (the last one at or before the time and the one after), so memory stays
 * flat however long the video is.
 *
 * <p>DESIGN NOTE: one decode pass, no seeking: a seek per output frame would decode from the last
 * keyframe every time (tens of frames for one), and re-timing only ever moves forward because the
 * warp is monotone.
 */
final class FrameCursor {

  private final FrameSource source;
  private final double tolerance;
  private VideoFrame before;
  private VideoFrame after;
  private boolean started;
  private double last = Double.NEGATIVE_INFINITY;

  /**
   * @param source the video, read from its current position
   * @param tolerance how far (s) past the last frame a time may be and still get it (about a frame)
   */
  FrameCursor(FrameSource source, double tolerance) {
    this.source = source;
    this.tolerance = tolerance;
  }

  /**
   * The frame whose presentation time is nearest {@code t} (s); the first frame for times before
   * it; null past the end of the video.
   *
   * @throws IllegalArgumentException when {@code t} is earlier than the time asked before
   */
  VideoFrame nearest(double t) throws IOException {
    if (t < last) {
      throw new IllegalArgumentException("times must not go back: " + t + " after " + last);
    }
    last = t;
    if (!started) {
      started = true;
      before = source.next();
      after = before == null ? null : source.next();
    }
    while (after != null && after.ptsSec() <= t) {
      before = after;
      after = source.next();
    }
    if (before == null) {
      return null;
    }
    if (after == null) {
      return t - before.ptsSec() <= tolerance ? before : null;
    }
    return t - before.ptsSec() <= after.ptsSec() - t ? before : after;
  }
}
