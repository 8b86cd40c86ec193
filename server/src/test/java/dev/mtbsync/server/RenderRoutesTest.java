package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mtbsync.io.Json;
import dev.mtbsync.server.site.DashboardConfig;
import dev.mtbsync.video.FfmpegFrameSource;
import dev.mtbsync.video.VideoFrame;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rendering a run's comparison video from the dashboard: a write route, one render at a time,
 * progress as events, the video served from the run's folder, and a cancel that leaves nothing.
 */
class RenderRoutesTest {

  static final String RUN = "20250601-100000-rend";

  @TempDir static Path dir;
  static Path pair;

  @BeforeAll
  static void pair() throws IOException {
    pair = RenderRunWriter.pair(dir.resolve("pair"), 4);
  }

  Path root(String name) throws IOException {
    Path root = Files.createDirectories(dir.resolve(name));
    RenderRunWriter.write(root, RUN, pair);
    return root;
  }

  static JsonNode json(Response r) throws IOException {
    return Json.MAPPER.readTree(r.body().string());
  }

  static JsonNode event(SseTestClient events, String state) throws Exception {
    while (true) {
      String data = events.awaitEvent("render", Duration.ofSeconds(120));
      assertThat(data).as("a render event (waiting for %s)", state).isNotNull();
      JsonNode e = Json.MAPPER.readTree(data);
      if (e.get("state").asText().equals(state)) {
        return e;
      }
    }
  }

  static long frames(Path video) throws IOException {
    long n = 0;
    try (FfmpegFrameSource s = FfmpegFrameSource.open(video)) {
      while (s.next(t -> false) != null) {
        n++;
      }
    }
    return n;
  }

  @Test
  void withoutAllowWriteRenderingIsRefused() throws IOException {
    Path root = root("read-only");
    JavalinTest.test(
        DashboardServer.create(DashboardConfig.of(root)).app(),
        (app, c) -> {
          Response r = WriteRoutesTest.post(c, "/api/render", "{\"run\": \"" + RUN + "\"}", null);
          assertThat(r.code()).isEqualTo(403);
          assertThat(r.body().string()).contains("--allow-write");
          assertThat(json(c.get("/api/render")).get("state").asText()).isEqualTo("idle");
          String page = c.get("/?run=" + RUN, b -> b.header("Accept", "text/html")).body().string();
          assertThat(page).doesNotContain("id=\"render-form\"");
        });
  }

  @Test
  void aRenderReportsProgressAndItsVideoIsServedFromTheRunFolder() throws Exception {
    Path root = root("render");
    JavalinTest.test(
        DashboardServer.create(DashboardConfig.of(root).withAllowWrite(true)).app(),
        (app, c) -> {
          assertThat(c.get("/?run=" + RUN, b -> b.header("Accept", "text/html")).body().string())
              .contains("id=\"render-form\"", "value=\"overlay\"");
          try (SseTestClient events = new SseTestClient(app.port(), "/api/render/events", null)) {
            assertThat(events.await("event: hello", Duration.ofSeconds(10))).isNotNull();
            String body =
                "{\"run\": \"" + RUN + "\", \"layout\": \"overlay\", \"size\": \"320x180\"}";
            Response started = WriteRoutesTest.post(c, "/api/render", body, null);
            assertThat(started.code()).isEqualTo(202);
            JsonNode s = json(started);
            assertThat(s.get("state").asText()).isEqualTo("running");
            assertThat(s.get("file").asText()).isEqualTo(RUN + "/compare-overlay.mp4");
            JsonNode progress = event(events, "running");
            while (progress.get("done").asLong() == 0) {
              progress = event(events, "running");
            }
            long total = progress.get("total").asLong();
            assertThat(total).isEqualTo(frames(pair.resolve("new.mp4")));
            JsonNode done = event(events, "done");
            assertThat(done.get("done").asLong()).isEqualTo(total);
            assertThat(done.get("video_sec").asDouble()).isCloseTo(total / 30.0, within(0.05));
            assertThat(json(c.get("/api/render")).get("state").asText()).isEqualTo("done");
          }
          Response video = c.get("/api/files/" + RUN + "/compare-overlay.mp4");
          assertThat(video.code()).isEqualTo(200);
          assertThat(video.headers().get("Content-Type")).containsExactly("video/mp4");
          Path file = root.resolve(RUN).resolve("compare-overlay.mp4");
          assertThat(video.headers().get("Content-Length"))
              .containsExactly(String.valueOf(Files.size(file)));
          try (FfmpegFrameSource s = FfmpegFrameSource.open(file)) {
            VideoFrame first = s.next();
            assertThat(first.width()).isEqualTo(320);
            assertThat(first.height()).isEqualTo(180);
          }
        });
  }

  @Test
  void aSecondRenderIs409WhileOneRunsAndACancelLeavesNoVideo() throws Exception {
    Path root = root("cancel");
    JavalinTest.test(
        DashboardServer.create(DashboardConfig.of(root).withAllowWrite(true)).app(),
        (app, c) -> {
          assertThat(WriteRoutesTest.post(c, "/api/render/cancel", "{}", null).code())
              .isEqualTo(409);
          try (SseTestClient events = new SseTestClient(app.port(), "/api/render/events", null)) {
            assertThat(events.await("event: hello", Duration.ofSeconds(10))).isNotNull();
            // full HD: long enough to be caught running
            String body = "{\"run\": \"" + RUN + "\", \"layout\": \"side-by-side\"}";
            assertThat(WriteRoutesTest.post(c, "/api/render", body, null).code()).isEqualTo(202);
            JsonNode progress = event(events, "running");
            while (progress.get("done").asLong() == 0) {
              progress = event(events, "running");
            }
            Response second = WriteRoutesTest.post(c, "/api/render", body, null);
            assertThat(second.code()).isEqualTo(409);
            assertThat(json(second).get("error").asText()).startsWith("a render is running");
            Response cancel = WriteRoutesTest.post(c, "/api/render/cancel", "{}", null);
            assertThat(cancel.code()).isEqualTo(200);
            JsonNode cancelled = event(events, "cancelled");
            assertThat(cancelled.get("done").asLong()).isLessThan(progress.get("total").asLong());
          }
          try (Stream<Path> left = Files.list(root.resolve(RUN))) {
            assertThat(left.map(p -> p.getFileName().toString()))
                .noneMatch(n -> n.endsWith(".mp4") || n.contains("tmp"));
          }
          // and the server renders again once it is free
          String small = "{\"run\": \"" + RUN + "\", \"size\": \"320x180\", \"follow\": \"ref\"}";
          Response again = WriteRoutesTest.post(c, "/api/render", small, null);
          assertThat(again.code()).isEqualTo(202);
          assertThat(json(again).get("file").asText())
              .isEqualTo(RUN + "/compare-side-by-side-ref.mp4");
        });
  }

  @Test
  void badRequestsAreOneLineAndForeignPagesAreRefused() throws IOException {
    Path root = root("bad");
    JavalinTest.test(
        DashboardServer.create(DashboardConfig.of(root).withAllowWrite(true)).app(),
        (app, c) -> {
          Response layout =
              WriteRoutesTest.post(
                  c, "/api/render", "{\"run\": \"" + RUN + "\", \"layout\": \"mosaic\"}", null);
          assertThat(layout.code()).isEqualTo(400);
          assertThat(json(layout).get("error").asText()).startsWith("layout must be one of");
          Response missing =
              WriteRoutesTest.post(c, "/api/render", "{\"run\": \"nope-run\"}", null);
          assertThat(missing.code()).isEqualTo(404);
          Response outside = WriteRoutesTest.post(c, "/api/render", "{\"run\": \"../x\"}", null);
          assertThat(outside.code()).isEqualTo(403);
          Response foreign =
              WriteRoutesTest.post(
                  c, "/api/render", "{\"run\": \"" + RUN + "\"}", "http://evil.example");
          assertThat(foreign.code()).isEqualTo(403);
          assertThat(json(c.get("/api/render")).get("state").asText()).isEqualTo("idle");
        });
  }
}
