package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mtbsync.io.Json;
import dev.mtbsync.markers.MarkerCsv;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.server.compare.CompareInputs;
import dev.mtbsync.server.site.DashboardConfig;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compare view's data, its videos (with Range) and what it refuses to stream. */
class CompareRoutesTest {

  @TempDir Path dir;
  Path root;
  Path refVideo;
  Path newVideo;
  Path run;

  /** Stand-ins for videos: the server streams bytes; only the browser test decodes real ones. */
  @BeforeEach
  void files() throws IOException {
    root = Files.createDirectories(dir.resolve("root"));
    byte[] bytes = new byte[300_000];
    new Random(7).nextBytes(bytes);
    refVideo = Files.write(dir.resolve("ref.mp4"), bytes);
    bytes[0] ^= 1;
    newVideo = Files.write(dir.resolve("new.mp4"), bytes);
    run = RunWriter.write(root, "20250601-100000-aaaa", 1, RunWriter.perf(1), refVideo, newVideo);
  }

  /** The new time where the drawn warp reaches reference time {@code tRef} (bisection). */
  static double truthInverse(double tRef) {
    double lo = 0;
    double hi = 40;
    for (int i = 0; i < 60; i++) {
      double mid = (lo + hi) / 2;
      if (RunWriter.truth(mid) < tRef) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  @Test
  void sessionDeltasRecoverHowFarHandPlacedMarkersLieFromTheWarp() throws Exception {
    Path refMarkers = dir.resolve("ref_markers.csv");
    MarkerCsv.writeReference(RunWriter.MARKERS, refMarkers);
    double[] offsets = {0.10, -0.05, 0.20};
    List<NewMarker> placed = new ArrayList<>();
    for (int i = 0; i < offsets.length; i++) {
      var m = RunWriter.MARKERS.get(i);
      placed.add(
          new NewMarker(m.name(), m.tRef(), truthInverse(m.tRef()) + offsets[i], 1, false, "", ""));
    }
    Path newMarkers = dir.resolve("hand_markers.csv");
    MarkerCsv.writeNew(placed, newMarkers);
    CompareInputs in =
        new CompareInputs(refVideo, newVideo, run.resolve("timewarp.json"), refMarkers, newMarkers);
    DashboardServer server =
        DashboardServer.create(
            DashboardConfig.of(in.folder()).withCompare(in).withAllowWrite(true));
    JavalinTest.test(
        server.app(),
        (app, c) -> {
          JsonNode v = Json.MAPPER.readTree(c.get("/api/compare").body().string());
          assertThat(v.get("warnings")).isEmpty();
          JsonNode markers = v.get("markers");
          assertThat(markers).hasSize(4);
          for (int i = 0; i < offsets.length; i++) {
            JsonNode m = markers.get(i);
            assertThat(m.get("delta").asDouble())
                .as(m.get("name").asText())
                .isCloseTo(offsets[i], offset(0.06));
          }
          JsonNode finish = markers.get(3);
          assertThat(finish.get("predicted").isNull()).as("past the warp's range").isTrue();
          assertThat(finish.get("needs_review").asBoolean()).isTrue();
          JsonNode d = v.get("deltas");
          assertThat(d.get("count").asInt()).isEqualTo(3);
          assertThat(d.get("mae").asDouble()).isCloseTo(0.35 / 3, offset(0.04));
          assertThat(d.get("median").asDouble()).isCloseTo(0.10, offset(0.06));
          assertThat(v.get("warp").get("t_new").size()).isGreaterThan(5);

          String page = c.get("/compare", b -> b.header("Accept", "text/html")).body().string();
          assertThat(page).contains("ref.mp4 ↔ new.mp4", "id=\"compare-data\"", "/static/warp.js");

          Response part = c.get("/media/new", b -> b.header("Range", "bytes=1000-1999"));
          assertThat(part.code()).isEqualTo(206);
          assertThat(part.headers().get("Content-Type")).containsExactly("video/mp4");
          assertThat(part.headers().get("Content-Range")).containsExactly("bytes 1000-1999/300000");
          assertThat(c.get("/media/sideways").code()).isEqualTo(400);
          Response saved =
              c.request(
                  "/api/annotations",
                  b ->
                      b.post(
                              java.net.http.HttpRequest.BodyPublishers.ofString(
                                  "{\"marker\": \"Berm\", \"label\": \"ok\"}"))
                          .header("Content-Type", "application/json"));
          assertThat(saved.code()).isEqualTo(200);
          assertThat(run.resolve("annotations.json")).exists();
        });
  }

  @Test
  void aRunsVideosAreStreamedOnlyWhileTheyAreTheFilesItWasSyncedFrom() throws Exception {
    JavalinTest.test(
        DashboardServer.create(DashboardConfig.of(root)).app(),
        (app, c) -> {
          Response whole = c.get("/media/ref?run=20250601-100000-aaaa");
          assertThat(whole.code()).isEqualTo(200);
          assertThat(whole.headers().get("Accept-Ranges")).containsExactly("bytes");
          assertThat(whole.headers().get("Content-Length")).containsExactly("300000");
          Response tail =
              c.get("/media/new?run=20250601-100000-aaaa", b -> b.header("Range", "bytes=299990-"));
          assertThat(tail.code()).isEqualTo(206);
          assertThat(tail.headers().get("Content-Range"))
              .containsExactly("bytes 299990-299999/300000");

          byte[] changed = Files.readAllBytes(newVideo);
          changed[10] ^= 1;
          Files.write(newVideo, changed);
          Response refused = c.get("/media/new?run=20250601-100000-aaaa");
          assertThat(refused.code()).isEqualTo(403);
          assertThat(refused.body().string())
              .contains("no longer the video this run was synced from");

          Path secret = Files.writeString(dir.resolve("secret.txt"), "outside");
          String forged =
              Files.readString(run.resolve("run.json"))
                  .replace(refVideo.toString(), secret.toString());
          Files.writeString(run.resolve("run.json"), forged);
          Response notVideo = c.get("/media/ref?run=20250601-100000-aaaa");
          assertThat(notVideo.code()).isEqualTo(403);
          assertThat(notVideo.body().string()).doesNotContain("outside");

          Files.writeString(run.resolve("run.json"), forged.replace(secret.toString(), "/"));
          assertThat(c.get("/media/ref?run=20250601-100000-aaaa").code())
              .as("a video path with no file name")
              .isEqualTo(404);
        });
  }

  @Test
  void theComparePageOfARunOffersItsMarkerFiles() throws Exception {
    Files.copy(run.resolve("new_markers.csv"), run.resolve("new_markers.edited.csv"));
    JavalinTest.test(
        DashboardServer.create(DashboardConfig.of(root)).app(),
        (app, c) -> {
          String page =
              c.get(
                      "/compare?run=20250601-100000-aaaa&markers=20250601-100000-aaaa/new_markers.edited.csv",
                      b -> b.header("Accept", "text/html"))
                  .body()
                  .string();
          assertThat(page)
              .contains(
                  "id=\"compare-markers\"",
                  "<option value=\"20250601-100000-aaaa/new_markers.edited.csv\" selected>");
          assertThat(page)
              .as("the run's time gap card; no marker-placement summary, no note about a picker")
              .contains("id=\"gap-card\"", "No delta time for this run")
              .doesNotContain("Delta summary", "delta-kpis", "very warp");
          JsonNode v =
              Json.MAPPER.readTree(c.get("/api/compare?run=20250601-100000-aaaa").body().string());
          assertThat(v.get("deltas").get("mae").asDouble())
              .as("placed by this warp")
              .isLessThan(1e-3);
          assertThat(v.get("ref").get("url").asText())
              .isEqualTo("/media/ref?run=20250601-100000-aaaa");
        });
  }
}
