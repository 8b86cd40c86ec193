package dev.mtbsync.video;

import java.io.IOException;
import java.util.function.DoublePredicate;

/**
 * A sequence of decoded frames in presentation order. The engine reads video only through this
 * role, so everything past decoding can be tested on frames drawn in memory.
 */
public interface FrameSource extends AutoCloseable {

  /** What the container says about the video stream. */
  VideoInfo info();

  /**
   * Decodes the next frame.
   *
   * @return the frame, or {@code null} at the end of the stream
   * @throws IOException when the stream is corrupt or cannot be read
   */
  VideoFrame next() throws IOException;

  /**
   * Decodes the next frame but produces its pixels only when {@code wantPixels} accepts its
   * presentation time in seconds; otherwise the frame comes back with {@code pixels == null}.
   *
   * <p>DESIGN NOTE: analysis samples a few frames a second out of 30 or 60, and turning a decoded
   * picture into scaled grey pixels costs about a third of decoding it, so sources that can skip
   * that step for unwanted frames should.
   */
  default VideoFrame next(DoublePredicate wantPixels) throws IOException {
    return next();
  }

  @Override
  void close() throws IOException;
}
