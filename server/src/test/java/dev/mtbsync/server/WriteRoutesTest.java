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
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write routes: off without --allow-write, same-origin JSON only, inside the root. */
class WriteRoutesTest {

  @TempDir Path root;

  @BeforeEach
  void runs() throws IOException {
    for (int i = 0; i < 4; i++) {
      Path run = RunWriter.write(root, "20250601-10000" + i + "-aaaa", i);
      Files.setLastModifiedTime(
          run.resolve("perf.json"), FileTime.fromMillis(1_000_000L * (i + 1)));
    }
  }

  void serve(boolean allowWrite, io.javalin.testtools.TestCase test) throws IOException {
    JavalinTest.test(
        DashboardServer.create(DashboardConfig.of(root).withAllowWrite(allowWrite)).app(), test);
  }

  static Response post(HttpClient c, String path, String json, String origin) {
    return c.request(
        path,
        b -> {
          b.post(HttpRequest.BodyPublishers.ofString(json))
              .header("Content-Type", "application/json");
          if (origin != null) {
            b.header("Origin", origin);
          }
        });
  }

  static JsonNode json(Response r) throws IOException {
    return Json.MAPPER.readTree(r.body().string());
  }

  @Test
  void withoutAllowWriteTheWriteRoutesAre403AndTheControlsHidden() throws IOException {
    serve(
        false,
        (app, c) -> {
          for (String route :
              new String[] {"/api/prune-perf", "/api/export-json", "/api/annotations"}) {
            Response r = post(c, route, "{\"keep\": 0, \"dry_run\": false}", null);
            assertThat(r.code()).as(route).isEqualTo(403);
            assertThat(r.body().string()).contains("--allow-write");
          }
          assertThat(Files.exists(root.resolve("20250601-100000-aaaa/perf.json"))).isTrue();
          String page = c.get("/", b -> b.header("Accept", "text/html")).body().string();
          assertThat(page)
              .doesNotContain("id=\"prune-form\"", "id=\"export-json\"")
              .contains("read-only");
        });
  }

  @Test
  void pruneShowsAPreviewFirstThenKeepsTheNewest() throws IOException {
    serve(
        true,
        (app, c) -> {
          assertThat(c.get("/", b -> b.header("Accept", "text/html")).body().string())
              .contains("id=\"prune-form\"", "writes on");
          JsonNode preview = json(post(c, "/api/prune-perf", "{\"keep\": 1}", null));
          assertThat(preview.get("dry_run").asBoolean()).isTrue();
          assertThat(preview.get("removed")).hasSize(3);
          assertThat(Files.exists(root.resolve("20250601-100000-aaaa/perf.json"))).isTrue();
          JsonNode done =
              json(post(c, "/api/prune-perf", "{\"keep\": 1, \"dry_run\": false}", null));
          assertThat(done.get("removed")).hasSize(3);
          assertThat(Files.exists(root.resolve("20250601-100003-aaaa/perf.json"))).isTrue();
          assertThat(Files.exists(root.resolve("20250601-100000-aaaa/perf.json"))).isFalse();
          assertThat(Files.exists(root.resolve("20250601-100000-aaaa/timewarp.json"))).isTrue();
          assertThat(json(c.get("/api/perf/history")).get("items")).hasSize(1);
          Response negative = post(c, "/api/prune-perf", "{\"keep\": -1}", null);
          assertThat(negative.code()).isEqualTo(400);
          // the engine refuses the value; the answer names the request's field
          JsonNode refused = json(negative);
          assertThat(refused.get("error").asText()).isEqualTo("keep must be 0 or more, got -1");
          assertThat(refused.get("status").asInt()).isEqualTo(400);
          Response fraction = post(c, "/api/prune-perf", "{\"keep\": 1.5}", null);
          assertThat(fraction.code()).isEqualTo(400);
          assertThat(json(fraction).get("error").asText()).isEqualTo("keep must be a whole number");
          assertThat(post(c, "/api/prune-perf", "[1]", null).code()).isEqualTo(400);
        });
  }

  @Test
  void writeRoutesRefuseAForeignOriginAndNonJsonBodies() throws IOException {
    serve(
        true,
        (app, c) -> {
          Response foreign =
              post(
                  c, "/api/prune-perf", "{\"keep\": 0, \"dry_run\": false}", "http://evil.example");
          assertThat(foreign.code()).isEqualTo(403);
          assertThat(foreign.body().string()).contains("another origin");
          Response form =
              c.request(
                  "/api/prune-perf",
                  b ->
                      b.post(HttpRequest.BodyPublishers.ofString("keep=0&dry_run=false"))
                          .header("Content-Type", "application/x-www-form-urlencoded"));
          assertThat(form.code()).isEqualTo(403);
          Response crossSite =
              c.request(
                  "/api/prune-perf",
                  b ->
                      b.post(
                              HttpRequest.BodyPublishers.ofString(
                                  "{\"keep\": 0, \"dry_run\": false}"))
                          .header("Content-Type", "application/json")
                          .header("Sec-Fetch-Site", "cross-site"));
          assertThat(crossSite.code()).isEqualTo(403);
          assertThat(Files.exists(root.resolve("20250601-100000-aaaa/perf.json"))).isTrue();
          Response same =
              post(c, "/api/prune-perf", "{\"keep\": 4}", "http://localhost:" + app.port());
          assertThat(same.code()).as(same.body().string()).isEqualTo(200);
        });
  }

  @Test
  void exportJsonWritesTheMarkersBesideTheirCsvAndStaysInTheRoot() throws IOException {
    serve(
        true,
        (app, c) -> {
          Response r =
              post(
                  c,
                  "/api/export-json",
                  "{\"file\": \"20250601-100002-aaaa/new_markers.csv\"}",
                  null);
          assertThat(r.code()).isEqualTo(200);
          assertThat(json(r).get("written").asText())
              .isEqualTo("20250601-100002-aaaa/new_markers.json");
          JsonNode doc =
              Json.MAPPER.readTree(root.resolve("20250601-100002-aaaa/new_markers.json").toFile());
          assertThat(doc.get("schema_version").asInt()).isEqualTo(1);
          assertThat(doc.get("markers")).hasSize(4);
          assertThat(doc.get("markers").get(0).get("name").asText()).isEqualTo("Gate 1");
          assertThat(post(c, "/api/export-json", "{\"file\": \"../x.csv\"}", null).code())
              .isEqualTo(403);
          assertThat(
                  post(c, "/api/export-json", "{\"file\": \"20250601-100002-aaaa/run.json\"}", null)
                      .code())
              .isEqualTo(400);
        });
  }

  @Test
  void annotationsAreSavedInTheRunFolderAndExportedAsCsvOrJson() throws IOException {
    serve(
        true,
        (app, c) -> {
          String run = "20250601-100001-aaaa";
          Response saved =
              post(
                  c,
                  "/api/annotations",
                  "{\"run\": \""
                      + run
                      + "\", \"marker\": \"Big jump\", \"t_new\": 8.1, \"label\": \"late\", \"note\": \"lands, then, \\\"flat\\\"\"}",
                  null);
          assertThat(saved.code()).isEqualTo(200);
          JsonNode file = Json.MAPPER.readTree(root.resolve(run + "/annotations.json").toFile());
          assertThat(file.get("annotations").get(0).get("label").asText()).isEqualTo("late");
          String csv = c.get("/api/annotations?run=" + run + "&format=csv").body().string();
          assertThat(csv.lines().findFirst()).contains("marker,t_new,label,note,updated");
          assertThat(csv).contains("Big jump,8.1,late,\"lands, then, \"\"flat\"\"\"");
          JsonNode exported = json(c.get("/api/annotations?run=" + run));
          assertThat(exported.get("annotations")).hasSize(1);
          JsonNode view = json(c.get("/api/compare?run=" + run));
          assertThat(view.get("annotations").get(0).get("marker").asText()).isEqualTo("Big jump");
          post(c, "/api/annotations", "{\"run\": \"" + run + "\", \"marker\": \"Big jump\"}", null);
          assertThat(json(c.get("/api/annotations?run=" + run)).get("annotations")).isEmpty();
        });
  }
}
