package dev.mtbsync.video;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of a file that another writer is still appending to, for a decoder that starts before
 * the file is whole: a read waits for bytes not yet written until they arrive, the writer says the
 * file is complete ({@link #complete()}: then the end of the file is the end of the stream) or
 * gives up ({@link #abandon()}: the stream ends at once and {@link #abandoned()} says why it
 * ended).
 *
 * <p>DESIGN NOTE: the file's final length is known from the start (an upload declares it), so
 * {@link #skip} moves the position without waiting for the bytes it passes: FFmpeg's demuxers ask
 * for the stream's size and seek within it freely, and only the bytes they then read have to be
 * there. A demuxer that needs the end of the file first (an MP4 whose index, {@code moov}, was
 * written last) thus waits exactly until the tail arrives, and one that reads from the front
 * decodes while the rest arrives. Seeks go through {@link #mark}/{@link #reset} (as JavaCV's stream
 * input does them) and cost nothing: the bytes stay on disk, never in memory.
 */
public final class GrowingFileInput extends InputStream {

  /** How often a waiting read looks at the file again when nobody tells it that it grew. */
  private static final long POLL_MS = 25;

  private final Object lock = new Object();
  private final FileChannel channel;
  private final long length;
  private final Overlay overlay;
  private long position;
  private long mark;
  private boolean complete;
  private boolean abandoned;

  /**
   * Bytes of the same file that arrived out of order (an MP4's index sent ahead of its media), to
   * be read in place of the file's own bytes at {@code offset} until those are there.
   *
   * @param file the part's bytes, complete
   * @param offset where they belong in the file, in bytes
   * @param length their count
   */
  public record Overlay(Path file, long offset, long length) {}

  /**
   * @param file the file being written (it must exist)
   * @param length its final length in bytes
   * @param overlay a part that arrived ahead, or null
   */
  public GrowingFileInput(Path file, long length, Overlay overlay) throws IOException {
    if (length < 0) {
      throw new IllegalArgumentException("length must be known, got " + length);
    }
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    this.length = length;
    this.overlay = overlay;
  }

  /** The writer finished: the stream ends where the file ends. */
  public void complete() {
    synchronized (lock) {
      complete = true;
      lock.notifyAll();
    }
  }

  /** The writer gave up: the stream ends now, and waiting reads return. */
  public void abandon() {
    synchronized (lock) {
      abandoned = true;
      lock.notifyAll();
    }
  }

  /** The writer added bytes: a waiting read looks again now rather than at its next poll. */
  public void grew() {
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  /** Whether the stream ended because the writer gave up. */
  public boolean abandoned() {
    synchronized (lock) {
      return abandoned;
    }
  }

  /** Bytes read or skipped so far from the start (the decoder's position in the file). */
  public long position() {
    synchronized (lock) {
      return position;
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    long from;
    long there;
    synchronized (lock) {
      from = position;
      if (from >= length) {
        return -1;
      }
      int fromOverlay = overlayRead(b, off, len, from);
      if (fromOverlay > 0) {
        position += fromOverlay;
        return fromOverlay;
      }
      there = waitFor(from);
      if (there <= from) {
        return -1;
      }
    }
    int n = (int) Math.min(len, Math.min(there, length) - from);
    int got = channel.read(ByteBuffer.wrap(b, off, n), from);
    if (got <= 0) {
      return -1;
    }
    synchronized (lock) {
      position = from + got;
    }
    return got;
  }

  /**
   * Waits until the file holds bytes past {@code from}; its size then (at most from at the end).
   */
  private long waitFor(long from) throws IOException {
    while (true) {
      long size = channel.size();
      if (size > from || abandoned || complete) {
        return abandoned ? from : size;
      }
      try {
        lock.wait(POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for upload bytes");
      }
    }
  }

  /** Reads from the overlay when {@code from} lies in it and the file has not got there yet. */
  private int overlayRead(byte[] b, int off, int len, long from) throws IOException {
    if (overlay == null || from < overlay.offset() || from >= overlay.offset() + overlay.length()) {
      return 0;
    }
    if (channel.size() > from) {
      return 0; // the file's own bytes are there now
    }
    long end = overlay.offset() + overlay.length();
    int n = (int) Math.min(len, end - from);
    try (FileChannel part = FileChannel.open(overlay.file(), StandardOpenOption.READ)) {
      int got = part.read(ByteBuffer.wrap(b, off, n), from - overlay.offset());
      return Math.max(got, 0);
    }
  }

  /** Moves forward without waiting for the bytes passed (see the design note). */
  @Override
  public long skip(long n) {
    synchronized (lock) {
      long k = Math.max(0, Math.min(n, length - position));
      position += k;
      return k;
    }
  }

  @Override
  public int available() throws IOException {
    synchronized (lock) {
      return (int) Math.max(0, Math.min(Integer.MAX_VALUE, channel.size() - position));
    }
  }

  @Override
  public boolean markSupported() {
    return true;
  }

  @Override
  public void mark(int readLimit) {
    synchronized (lock) {
      mark = position;
    }
  }

  @Override
  public void reset() {
    synchronized (lock) {
      position = mark;
    }
  }

  /** Closes the reader's side; the writer's state is left as it is. */
  @Override
  public void close() throws IOException {
    synchronized (lock) {
      lock.notifyAll();
    }
    channel.close();
  }
}
