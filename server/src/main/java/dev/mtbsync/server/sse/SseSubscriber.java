package dev.mtbsync.server.sse;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connected client of {@link SseHub}: a bounded queue of frames and the drain that writes them,
 * so the producer only ever enqueues. At most one drain runs per subscriber, so its frames go out
 * in order; a subscriber whose queue overflows is too slow and is closed (its browser reconnects
 * and catches up from the hub's replay buffer).
 */
final class SseSubscriber {

  /** An event or, with a null event name, a comment. */
  record Frame(String event, String data, String id) {}

  private final SseChannel channel;
  private final BlockingQueue<Frame> queue;
  private final Executor senders;
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Runnable onClosed;

  SseSubscriber(SseChannel channel, int capacity, Executor senders, Runnable onClosed) {
    this.channel = channel;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.senders = senders;
    this.onClosed = onClosed;
    channel.onClose(this::closed);
  }

  /**
   * Queues a frame without waiting.
   *
   * @return false when the subscriber is closed or its queue is full (it is then closed)
   */
  boolean offer(Frame frame) {
    if (closed.get()) {
      return false;
    }
    if (!queue.offer(frame)) {
      close();
      return false;
    }
    schedule();
    return true;
  }

  boolean isClosed() {
    return closed.get();
  }

  /** Ends the connection; the hub forgets it. Idempotent. */
  void close() {
    channel.close(); // calls closed() through onClose
    closed();
  }

  private void closed() {
    if (closed.compareAndSet(false, true)) {
      queue.clear();
      onClosed.run();
    }
  }

  private void schedule() {
    if (draining.compareAndSet(false, true)) {
      try {
        senders.execute(this::drain);
      } catch (RuntimeException rejected) { // the hub is shutting down
        draining.set(false);
        close();
      }
    }
  }

  private void drain() {
    try {
      Frame f;
      while (!closed.get() && (f = queue.poll()) != null) {
        boolean alive =
            f.event() == null
                ? channel.comment(f.data())
                : channel.send(f.event(), f.data(), f.id());
        if (!alive) {
          close();
        }
      }
    } catch (RuntimeException e) {
      close(); // a failed write ends this client only
    } finally {
      draining.set(false);
    }
    if (!closed.get() && !queue.isEmpty()) {
      schedule(); // frames offered while the drain was finishing
    }
  }
}
