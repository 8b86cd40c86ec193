package dev.mtbsync.video;

import java.io.IOException;

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

  @Override
  void close() throws IOException;
}
