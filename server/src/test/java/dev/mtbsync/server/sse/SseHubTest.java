package dev.mtbsync.server.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The broadcaster on its own, with channels that record or stall. */
class SseHubTest {

  /** A channel that records what it is sent, optionally stalling every write. */
  static final class Recorder implements SseChannel {
    final List<String> got = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);
    final boolean stall;
    final AtomicBoolean closed = new AtomicBoolean();
    volatile boolean dead;
    Runnable onClose = () -> {};

    Recorder(boolean stall) {
      this.stall = stall;
    }

    @Override
    public boolean send(String event, String data, String id) {
      hold();
      got.add(event + ":" + data);
      return !dead;
    }

    @Override
    public boolean comment(String text) {
      hold();
      got.add(":" + text);
      return !dead;
    }

    private void hold() {
      if (stall) {
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        onClose.run();
      }
    }

    @Override
    public void onClose(Runnable callback) {
      onClose = callback;
    }

    boolean saw(String s, Duration within) throws InterruptedException {
      long end = System.nanoTime() + within.toNanos();
      while (System.nanoTime() < end) {
        if (got.contains(s)) {
          return true;
        }
        Thread.sleep(5);
      }
      return got.contains(s);
    }
  }

  @Test
  void everyClientGetsEveryEventInOrder() throws Exception {
    try (SseHub hub = new SseHub(2, 64, Duration.ofMinutes(1))) {
      Recorder a = new Recorder(false);
      Recorder b = new Recorder(false);
      hub.join(a, null);
      hub.join(b, null);
      for (int i = 0; i < 20; i++) {
        hub.publish("perf", "{\"n\":" + i + "}");
      }
      assertThat(a.saw("perf:{\"n\":19}", Duration.ofSeconds(5))).isTrue();
      assertThat(b.saw("perf:{\"n\":19}", Duration.ofSeconds(5))).isTrue();
      assertThat(a.got.subList(1, 21))
          .as("in order, after hello")
          .isEqualTo(b.got.subList(1, 21))
          .first()
          .isEqualTo("perf:{\"n\":0}");
    }
  }

  @Test
  void aStalledClientDelaysNeitherTheProducerNorTheOthersAndIsDroppedWhenItsQueueFills()
      throws Exception {
    try (SseHub hub = new SseHub(2, 16, Duration.ofMinutes(1))) {
      Recorder stuck = new Recorder(true);
      Recorder fine = new Recorder(false);
      hub.join(stuck, null);
      hub.join(fine, null);
      long slowest = 0;
      for (int i = 0; i < 50; i++) {
        long t0 = System.nanoTime();
        hub.publish("perf", "{\"n\":" + i + "}");
        slowest = Math.max(slowest, System.nanoTime() - t0);
        Thread.sleep(2); // a steady producer, which the fine client keeps up with
      }
      assertThat(slowest / 1_000_000)
          .as("publishing never waits for a client (ms)")
          .isLessThan(100);
      assertThat(fine.saw("perf:{\"n\":49}", Duration.ofSeconds(5))).isTrue();
      assertThat(fine.closed).isFalse();
      assertThat(stuck.closed).as("the stalled client is dropped").isTrue();
      assertThat(hub.stats().droppedSlow()).isPositive();
      assertThat(hub.clients()).isEqualTo(1);
      stuck.release.countDown();
    }
  }

  @Test
  void aClientWhoseWriteFailsIsDroppedOnTheNextKeepalive() throws Exception {
    try (SseHub hub = new SseHub(1, 8, Duration.ofMillis(50))) {
      Recorder gone = new Recorder(false);
      hub.join(gone, null);
      assertThat(gone.saw(":keepalive", Duration.ofSeconds(5))).isTrue();
      gone.dead = true;
      long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (hub.clients() > 0 && System.nanoTime() < end) {
        Thread.sleep(10);
      }
      assertThat(hub.clients()).isZero();
      assertThat(gone.closed).isTrue();
    }
  }

  @Test
  void aReconnectingClientGetsWhatItMissed() throws Exception {
    try (SseHub hub = new SseHub(1, 64, Duration.ofMinutes(1))) {
      for (int i = 0; i < 5; i++) {
        hub.publish("perf", "{\"n\":" + i + "}");
      }
      Recorder back = new Recorder(false);
      hub.join(back, "3");
      assertThat(back.saw("perf:{\"n\":4}", Duration.ofSeconds(5))).isTrue();
      assertThat(back.got)
          .containsExactly("hello:{\"clients\":1}", "perf:{\"n\":3}", "perf:{\"n\":4}");
    }
  }

  @Test
  void closingTheHubEndsEveryStreamAndItsThreads() throws Exception {
    SseHub hub = new SseHub(2, 8, Duration.ofMillis(20));
    Recorder a = new Recorder(false);
    hub.join(a, null);
    hub.publish("perf", "{}");
    assertThat(a.saw("perf:{}", Duration.ofSeconds(5))).isTrue();
    hub.close();
    hub.close(); // idempotent
    assertThat(a.closed).isTrue();
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (threads(hub) > 0 && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertThat(threads(hub)).isZero();
  }

  private static long threads(SseHub hub) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(hub.threadPrefix()) && t.isAlive())
        .count();
  }
}
