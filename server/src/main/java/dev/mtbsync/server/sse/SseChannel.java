package dev.mtbsync.server.sse;

/**
 * The write side of one event-stream connection. Writes may block (a slow client's socket is full);
 * {@link SseHub} calls them only from its sender threads, one at a time per channel.
 */
public interface SseChannel {

  /**
   * Sends one event.
   *
   * @return false when the connection is gone
   */
  boolean send(String event, String data, String id);

  /**
   * Sends a comment line (keeps idle connections and proxies open, and finds dead clients).
   *
   * @return false when the connection is gone
   */
  boolean comment(String text);

  /** Ends the connection; idempotent. */
  void close();

  /** Runs {@code callback} once when the connection ends, whoever ends it. */
  void onClose(Runnable callback);
}
