package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mtbsync.io.Json;
import dev.mtbsync.server.site.DashboardConfig;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read routes and pages over a root written by the engine's own writers. */
class DashboardRoutesTest {

  @TempDir Path root;
  Path older;
  Path newer;

  @BeforeEach
  void runs() throws IOException {
    older = RunWriter.write(root, "20250601-100000-aaaa", 1);
    newer = RunWriter.write(root, "20250601-110000-bbbb", 2);
    Files.setLastModifiedTime(older, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
    RunWriter.batchSummary(root, List.of(older.getFileName().toString(), "20250601-110000-bbbb"));
  }

  static JsonNode json(Response r) throws IOException {
    return Json.MAPPER.readTree(r.body().string());
  }

  static Response get(HttpClient c, String path) {
    return c.get(path);
  }

  void serve(DashboardConfig config, io.javalin.testtools.TestCase test) {
    JavalinTest.test(createServer(config).app(), test);
  }

  void serve(io.javalin.testtools.TestCase test) {
    serve(DashboardConfig.of(root), test);
  }

  static DashboardServer createServer(DashboardConfig config) {
    try {
      return DashboardServer.create(config);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void dashboardPageShowsTheRunsNewestFirstAndTheNewestRunsWarpAndMarkers() {
    serve(
        (app, c) -> {
          Response r = c.get("/", html());
          assertThat(r.code()).isEqualTo(200);
          String page = r.body().string();
          assertThat(page.indexOf("20250601-110000-bbbb"))
              .as("newest run listed first")
              .isLessThan(page.indexOf("20250601-100000-aaaa"));
          assertThat(page).contains("id=\"warp-plot\"", "class=\"warp\"", "class=\"pair high\"");
          assertThat(page).contains("Big jump", "Finish", "not covered", "needs-review");
          assertThat(page).contains("Regression", "Last batch", "broken.mp4: not a video");
          assertThat(page).contains("id=\"perf-data\"", "/static/dashboard.js");
          assertThat(page)
              .as("read-only: no write controls")
              .doesNotContain("prune-form", "export-json\"");
        });
  }

  @Test
  void aRunCanBeSelectedAndAnUnknownOneIsA404Page() {
    serve(
        (app, c) -> {
          String page = c.get("/?run=20250601-100000-aaaa", html()).body().string();
          assertThat(page).contains("Timewarp <span class=\"run-id\">20250601-100000-aaaa</span>");
          Response missing = c.get("/?run=nope", html());
          assertThat(missing.code()).isEqualTo(404);
          assertThat(missing.body().string()).contains("Not found", "no such run");
        });
  }

  @Test
  void runsApiListsEveryRunWithItsQuality() {
    serve(
        (app, c) -> {
          JsonNode j = json(c.get("/api/runs"));
          assertThat(j.get("total").asInt()).isEqualTo(2);
          JsonNode first = j.get("runs").get(0);
          assertThat(first.get("id").asText()).isEqualTo("20250601-110000-bbbb");
          assertThat(first.get("ok").asBoolean()).isTrue();
          assertThat(first.get("p90").asDouble()).isBetween(0.0, 0.2);
          assertThat(first.get("marker_files").get(0).asText())
              .isEqualTo("20250601-110000-bbbb/new_markers.csv");
        });
  }

  @Test
  void timewarpApiRecoversTheDrawnWarpWithinAFewHundredthsOfASecond() {
    serve(
        (app, c) -> {
          JsonNode j = json(c.get("/api/timewarp?run=20250601-110000-bbbb"));
          assertThat(j.get("ok").asBoolean()).isTrue();
          assertThat(j.get("warnings")).isEmpty();
          JsonNode tNew = j.get("mapping").get("t_new");
          JsonNode tRef = j.get("mapping").get("t_ref");
          for (int i = 0; i < tNew.size(); i += 5) {
            assertThat(tRef.get(i).asDouble())
                .as("t_ref at t_new %.2f", tNew.get(i).asDouble())
                .isCloseTo(
                    RunWriter.truth(tNew.get(i).asDouble()),
                    org.assertj.core.data.Offset.offset(0.06));
          }
          assertThat(j.get("pairs").size()).isGreaterThan(40);
          assertThat(c.get("/api/timewarp").code()).isEqualTo(400);
          assertThat(c.get("/api/timewarp?run=..").code()).isEqualTo(403);
        });
  }

  @Test
  void markersApiReadsTheTransferredMarkersWithTheirReviewFlags() {
    serve(
        (app, c) -> {
          JsonNode j = json(c.get("/api/markers?file=20250601-110000-bbbb/new_markers.csv"));
          assertThat(j.get("markers")).hasSize(4);
          JsonNode finish = j.get("markers").get(3);
          assertThat(finish.get("name").asText()).isEqualTo("Finish");
          assertThat(finish.get("t_new").isNull()).isTrue();
          assertThat(finish.get("needs_review").asBoolean()).isTrue();
          double jump = j.get("markers").get(1).get("t_new").asDouble();
          assertThat(RunWriter.truth(jump))
              .isCloseTo(9.5, org.assertj.core.data.Offset.offset(0.06));
        });
  }

  @Test
  void regressionAndBatchSummaryApisAnswerTheFiles() {
    serve(
        (app, c) -> {
          JsonNode reg = json(c.get("/api/regression"));
          assertThat(reg.get("status").asText()).isEqualTo("learning");
          assertThat(reg.get("history_size").asInt()).isEqualTo(1);
          JsonNode batch = json(c.get("/api/batch-summary"));
          assertThat(batch.get("rows")).hasSize(3);
          assertThat(batch.get("rows").get(2).get("error").asText()).contains("not a video");
        });
  }

  @Test
  void regressionAndBatchSummaryAre404WhenTheRootHasNone(@TempDir Path empty) {
    serve(
        DashboardConfig.of(empty),
        (app, c) -> {
          assertThat(c.get("/api/regression").code()).isEqualTo(404);
          assertThat(c.get("/api/batch-summary").code()).isEqualTo(404);
          assertThat(json(c.get("/api/runs")).get("runs")).isEmpty();
          assertThat(c.get("/", html()).body().string()).contains("No runs yet");
        });
  }

  @Test
  void perfHistoryIsOldestFirstWithTheFieldsAskedFor() {
    serve(
        (app, c) -> {
          JsonNode j =
              json(
                  c.get(
                      "/api/perf/history?limit=500&fields=fps,cpu_pct,gpu_util,gpu_mem_mb,rss_mb"));
          assertThat(j.get("items")).hasSize(2);
          JsonNode first = j.get("items").get(0);
          assertThat(first.get("run_id").asText()).isEqualTo("20250601-100000-aaaa");
          assertThat(first.get("gpu_util").isNull()).as("not measured: null").isTrue();
          assertThat(first.get("fps").asDouble()).isGreaterThan(0);
          assertThat(first.has("total_sec")).isFalse();
          assertThat(json(c.get("/api/perf/history?limit=1")).get("items")).hasSize(1);
          assertThat(c.get("/api/perf/history?fields=bogus").code()).isEqualTo(400);
          assertThat(c.get("/api/perf/history?limit=-3").code()).isEqualTo(400);
        });
  }

  @Test
  void filesAreListedAndDownloadedWithRanges() {
    serve(
        (app, c) -> {
          JsonNode list = json(c.get("/api/files"));
          assertThat(list.get("files").findValuesAsText("path"))
              .contains("batch_summary.csv", "20250601-110000-bbbb/timewarp.json")
              .noneMatch(p -> p.contains(".quality_history.lock"));
          byte[] whole = Files.readAllBytes(newer.resolve("timewarp.json"));
          Response all = c.get("/api/files/20250601-110000-bbbb/timewarp.json");
          assertThat(all.code()).isEqualTo(200);
          assertThat(all.body().string()).isEqualTo(new String(whole));
          Response part =
              c.get(
                  "/api/files/20250601-110000-bbbb/timewarp.json",
                  b -> b.header("Range", "bytes=2-11"));
          assertThat(part.code()).isEqualTo(206);
          assertThat(part.headers().get("Content-Range"))
              .containsExactly("bytes 2-11/" + whole.length);
          assertThat(part.body().string()).isEqualTo(new String(whole, 2, 10));
          Response tail =
              c.get(
                  "/api/files/20250601-110000-bbbb/timewarp.json",
                  b -> b.header("Range", "bytes=-5"));
          assertThat(tail.body().string()).isEqualTo(new String(whole, whole.length - 5, 5));
          Response past =
              c.get(
                  "/api/files/20250601-110000-bbbb/timewarp.json",
                  b -> b.header("Range", "bytes=999999-"));
          assertThat(past.code()).isEqualTo(416);
          assertThat(c.get("/api/files/20250601-110000-bbbb/nope.json").code()).isEqualTo(404);
        });
  }

  @Test
  void malformedArtefactsAreWarningsNotErrors() throws IOException {
    Files.writeString(newer.resolve("timewarp.json"), "{\"ok\": tru");
    Files.writeString(newer.resolve("perf.json"), "[1,2");
    Files.writeString(newer.resolve("new_markers.csv"), "name,t_new\nJump,soon\n");
    Files.writeString(root.resolve("regression.json"), "not json");
    Files.writeString(
        root.resolve("batch_summary.csv"), "video,status,p90\na.mp4,ok,fast\nb.mp4,ok,0.1\n");
    serve(
        (app, c) -> {
          Response page = c.get("/?run=20250601-110000-bbbb", html());
          assertThat(page.code()).isEqualTo(200);
          assertThat(page.body().string())
              .contains(
                  "class=\"warning\"",
                  "timewarp.json: not a JSON file",
                  "perf.json: not a JSON file")
              .contains("new_markers.csv: line 2: t_new 'soon' is not a number")
              .contains("regression.json: not a JSON file", "batch_summary.csv:2: row skipped");
          JsonNode runs = json(c.get("/api/runs"));
          assertThat(runs.get("runs").get(0).get("warnings").toString()).contains("timewarp.json");
          JsonNode tw = json(c.get("/api/timewarp?run=20250601-110000-bbbb"));
          assertThat(tw.get("warnings").get(0).asText()).contains("not a JSON file");
          assertThat(
                  json(c.get("/api/markers?file=20250601-110000-bbbb/new_markers.csv"))
                      .get("warnings"))
              .hasSize(1);
          assertThat(json(c.get("/api/regression")).get("warnings")).hasSize(1);
          assertThat(json(c.get("/api/batch-summary")).get("rows")).hasSize(1);
          JsonNode history = json(c.get("/api/perf/history"));
          assertThat(history.get("items")).hasSize(1);
          assertThat(history.get("problems").get(0).asText())
              .contains("20250601-110000-bbbb/perf.json");
        });
  }

  @Test
  void telemetryAndComparePagesRender() {
    serve(
        (app, c) -> {
          String tele = c.get("/telemetry", html()).body().string();
          assertThat(tele)
              .contains("name=\"metric\" value=\"gpu_mem_mb\"", "download-csv", "perf-data");
          String pick = c.get("/compare", html()).body().string();
          assertThat(pick).contains("Pick a run to compare", "/compare?run=20250601-110000-bbbb");
        });
  }

  @Test
  void staticAssetsComeFromTheJarWithTheirTypes() {
    serve(
        (app, c) -> {
          Response css = c.get("/static/app.css");
          assertThat(css.code()).isEqualTo(200);
          assertThat(css.headers().get("Content-Type").get(0)).startsWith("text/css");
          Response js = c.get("/static/warp.js");
          assertThat(js.body().string()).contains("MtbWarp");
          assertThat(c.get("/static/README.md").code()).isEqualTo(404);
        });
  }

  static Consumer<io.javalin.testtools.Request.Builder> html() {
    return b -> b.header("Accept", "text/html");
  }

  static HttpRequest.BodyPublisher body(String json) {
    return HttpRequest.BodyPublishers.ofString(json);
  }
}
