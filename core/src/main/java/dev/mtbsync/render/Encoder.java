package dev.mtbsync.render;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs the writes into the output file (frames and sound, in the order given) on a thread of its
 * own, so encoding a frame overlaps composing the next.
 *
 * <p>DESIGN NOTE: a single thread keeps the order FFmpeg must see; frames travel in a pool of
 * {@value #IN_FLIGHT} buffers, so the composer waits when the encoder falls that far behind and
 * memory stays flat. The first failure stops the writes and is thrown to the composer at its next
 * call, as the same {@link IOException}.
 */
final class Encoder implements AutoCloseable {

  /** Frames composed but not yet encoded, at most. */
  static final int IN_FLIGHT = 2;

  /** A write into the output. */
  interface Write {
    void run() throws IOException;
  }

  private static final Write STOP = () -> {};

  private final BlockingQueue<Write> writes = new ArrayBlockingQueue<>(2 * IN_FLIGHT);
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(IN_FLIGHT);
  private final Thread thread; // null: every write runs at once, on the composer's thread
  private volatile IOException failure;
  private boolean closed;

  /**
   * @param frameBytes the size of one frame's buffer
   * @param name the thread's name
   * @param threaded false to write on the composer's thread instead, as each write is given
   */
  Encoder(int frameBytes, String name, boolean threaded) {
    for (int i = 0; i < IN_FLIGHT; i++) {
      free.add(new byte[frameBytes]);
    }
    thread = threaded ? new Thread(this::loop, name) : null;
    if (thread != null) {
      thread.setDaemon(true);
      thread.start();
    }
  }

  private void loop() {
    try {
      for (Write w = writes.take(); w != STOP; w = writes.take()) {
        run(w);
      }
    } catch (InterruptedException e) {
      // abandoned by close() after a failure on the composer's side
    }
  }

  private void run(Write w) {
    try {
      w.run();
    } catch (IOException e) {
      failure = failure == null ? e : failure;
    } catch (RuntimeException e) {
      failure = failure == null ? new IOException(e.getMessage(), e) : failure;
    }
  }

  /** A free frame buffer to compose into; waits while {@value #IN_FLIGHT} are being encoded. */
  byte[] buffer() throws IOException {
    check();
    try {
      return free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the encoder", e);
    }
  }

  /** Encodes {@code frame} (a buffer from {@link #buffer}) with {@code write}, then frees it. */
  void frame(byte[] frame, FrameWrite write) throws IOException {
    enqueue(
        () -> {
          try {
            if (failure == null) {
              write.write(frame);
            }
          } finally {
            free.add(frame); // even after a failure, so a composer waiting for a buffer wakes
          }
        });
  }

  /** Writes a frame buffer into the output. */
  interface FrameWrite {
    void write(byte[] frame) throws IOException;
  }

  /** Queues any other write (sound), after the frames before it. */
  void submit(Write w) throws IOException {
    enqueue(
        () -> {
          if (failure == null) {
            w.run();
          }
        });
  }

  private void enqueue(Write w) throws IOException {
    check();
    if (thread == null) {
      if (w != STOP) {
        run(w);
        check();
      }
      return;
    }
    try {
      writes.put(w);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the encoder", e);
    }
  }

  /** Waits for every queued write; throws the first failure. */
  void finish() throws IOException {
    if (!closed) {
      closed = true;
      enqueue(STOP);
      join();
    }
    check();
  }

  private void check() throws IOException {
    if (failure != null) {
      throw failure;
    }
  }

  private void join() throws IOException {
    if (thread == null) {
      return;
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the encoder finished", e);
    }
  }

  /** Stops the thread without waiting for queued writes (the output is being abandoned). */
  @Override
  public void close() {
    if (!closed && thread != null) {
      closed = true;
      thread.interrupt();
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
