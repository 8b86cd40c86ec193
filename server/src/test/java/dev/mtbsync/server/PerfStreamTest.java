package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mtbsync.io.Json;
import dev.mtbsync.server.site.DashboardConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live stream over a real server: new runs reach every client quickly; nothing leaks. */
class PerfStreamTest {

  @TempDir Path root;
  DashboardServer server;

  @BeforeEach
  void start() throws Exception {
    RunWriter.write(root, "20250601-100000-aaaa", 1);
    server =
        DashboardServer.create(
                DashboardConfig.of(root)
                    .withPort(0)
                    .withTimings(Duration.ofMillis(200), Duration.ofMillis(300)))
            .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aFinishedRunReachesEveryOpenStreamWithinTwoSeconds() throws Exception {
    List<SseTestClient> tabs = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        SseTestClient tab = new SseTestClient(server.port());
        tabs.add(tab);
        assertThat(tab.awaitEvent("hello", Duration.ofSeconds(5))).isNotNull();
      }
      long t0 = System.nanoTime();
      RunWriter.write(root, "20250601-120000-cccc", 3);
      for (SseTestClient tab : tabs) {
        String data = tab.awaitEvent("perf", Duration.ofSeconds(2));
        assertThat(data).as("perf event within 2 s").isNotNull();
        JsonNode event = Json.MAPPER.readTree(data);
        assertThat(event.get("perf").get("run_id").asText()).isEqualTo("20250601-120000-cccc");
        assertThat(event.get("perf").get("fps").asDouble()).isPositive();
        assertThat(event.get("run").get("ok").asBoolean()).isTrue();
      }
      assertThat((System.nanoTime() - t0) / 1e9).isLessThan(2.0);
    } finally {
      for (SseTestClient tab : tabs) {
        tab.close();
      }
    }
  }

  @Test
  void idleStreamsGetKeepaliveComments() throws Exception {
    try (SseTestClient tab = new SseTestClient(server.port())) {
      assertThat(tab.await(": keepalive", Duration.ofSeconds(3))).isNotNull();
    }
  }

  @Test
  void aBrokenPerfFileIsAWarningEventAndTheStreamGoesOn() throws Exception {
    try (SseTestClient tab = new SseTestClient(server.port())) {
      assertThat(tab.awaitEvent("hello", Duration.ofSeconds(5))).isNotNull();
      Path bad = Files.createDirectories(root.resolve("20250601-130000-dddd"));
      Files.writeString(bad.resolve("perf.json"), "{\"run_id\": ");
      String problem = tab.awaitEvent("perf-problem", Duration.ofSeconds(4));
      assertThat(problem).contains("20250601-130000-dddd/perf.json", "not a JSON file");
      RunWriter.write(root, "20250601-140000-eeee", 4);
      assertThat(tab.awaitEvent("perf", Duration.ofSeconds(2))).contains("20250601-140000-eeee");
    }
  }

  @Test
  void streamsHoldNoThreadEachAndClientsThatGoAwayAreDropped() throws Exception {
    int peak = 0;
    for (int round = 0; round < 3; round++) {
      int idle = serverThreads(); // other tests' servers may still be winding down
      List<SseTestClient> tabs = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        tabs.add(new SseTestClient(server.port()));
      }
      for (SseTestClient t : tabs) {
        assertThat(t.awaitEvent("hello", Duration.ofSeconds(5))).isNotNull();
      }
      assertThat(server.context().hub().clients()).isEqualTo(60);
      peak = Math.max(peak, serverThreads() - idle);
      for (SseTestClient t : tabs) {
        t.close();
      }
      awaitClients(0);
    }
    assertThat(peak).as("threads added while 60 streams are open").isLessThan(30);
    assertThat(sseThreads(server.context().hub().threadPrefix()))
        .as("the perf hub's own threads: senders, keepalive, accept")
        .isLessThanOrEqualTo(4);
    assertThat(sseThreads(server.context().renderHub().threadPrefix()))
        .as("the render hub's, which none of these streams joined: its keepalive")
        .isLessThanOrEqualTo(1);
  }

  /** Threads of Jetty, Javalin and the hub (every server of this JVM). */
  private static int serverThreads() {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.isAlive() && t.getName().matches("(?i).*(jetty|javalin|mtbsync).*"))
            .count();
  }

  private static long sseThreads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(prefix))
        .count();
  }

  private void awaitClients(int n) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (server.context().hub().clients() != n && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(server.context().hub().clients()).as("clients still connected").isEqualTo(n);
  }
}
