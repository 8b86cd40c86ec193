package dev.mtbsync.video;

import java.io.IOException;

/** Receives frames in presentation order and writes them somewhere (a file, a test buffer). */
public interface FrameSink extends AutoCloseable {

  /**
   * Appends one frame.
   *
   * @param i420 planar 8-bit YUV 4:2:0 (I420: the Y plane, then U, then V, rows without padding),
   *     {@code width * height * 3 / 2} bytes, BT.601 limited range as OpenCV's {@code
   *     COLOR_BGR2YUV_I420} writes it
   */
  void write(byte[] i420) throws IOException;

  /** Finishes the stream; the output is complete only after this returns. */
  @Override
  void close() throws IOException;
}
