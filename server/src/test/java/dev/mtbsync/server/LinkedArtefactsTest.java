package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtbsync.io.Json;
import dev.mtbsync.match.TimePair;
import dev.mtbsync.runs.PairsCsv;
import dev.mtbsync.server.site.DashboardConfig;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fixed artefact name of a run folder (timewarp.json, run.json, ...) planted as a symbolic link
 * to a file outside the root is never followed: no route serves the outside content, and no write
 * copies it into the root. Each outside file is a valid artefact carrying a marker ({@link #SECRET}
 * in text, {@link #SECRET_NUMBER} in numbers) that a reader following the link would show.
 */
class LinkedArtefactsTest {

  static final String SECRET = "outside-secret";
  static final String SECRET_NUMBER = "4242.4242";
  static final String RUN = "20250601-100000-aaaa";

  @TempDir Path dir;
  Path root;
  Path run;
  Path outside;

  @BeforeEach
  void layout() throws IOException {
    root = Files.createDirectories(dir.resolve("root"));
    outside = Files.createDirectories(dir.resolve("outside"));
    run = RunWriter.write(root, RUN, 1);
    RunWriter.batchSummary(root, List.of(RUN));
    ObjectNode warp = (ObjectNode) Json.MAPPER.readTree(run.resolve("timewarp.json").toFile());
    warp.put("model", SECRET);
    Json.write(outside.resolve("timewarp.json"), warp);
    ObjectNode runJson = (ObjectNode) Json.MAPPER.readTree(run.resolve("run.json").toFile());
    ((ObjectNode) runJson.path("inputs"))
        .set("new", Json.MAPPER.valueToTree(Map.of("path", "/videos/" + SECRET + ".mp4")));
    Json.write(outside.resolve("run.json"), runJson);
    ObjectNode perf = (ObjectNode) Json.MAPPER.readTree(run.resolve("perf.json").toFile());
    perf.put("total_sec", Double.parseDouble(SECRET_NUMBER));
    Json.write(outside.resolve("perf.json"), perf);
    Files.writeString(
        outside.resolve("new_markers.csv"),
        Files.readString(run.resolve("new_markers.csv")).replace("Big jump", SECRET));
    PairsCsv.write(
        outside.resolve("pairs.csv"),
        List.of(new TimePair(1.5, 4242.4242, 0.9, 50), new TimePair(2.5, 4243.4242, 0.9, 50)));
    Json.write(
        outside.resolve("annotations.json"),
        Map.of(
            "schema_version",
            1,
            "annotations",
            List.of(Map.of("marker", "Gate 1", "label", SECRET, "note", ""))));
    Files.writeString(outside.resolve("regression.json"), "{\"status\": \"" + SECRET + "\"}");
  }

  /** Replaces the run's (or the root's) file by a link to its outside twin. */
  void link(Path folder, String name) throws IOException {
    Files.deleteIfExists(folder.resolve(name));
    Files.createSymbolicLink(folder.resolve(name), outside.resolve(name));
  }

  void serve(io.javalin.testtools.TestCase test) throws IOException {
    JavalinTest.test(
        DashboardServer.create(DashboardConfig.of(root).withAllowWrite(true)).app(), test);
  }

  static void assertNoLeak(Response r, String route) throws IOException {
    String body = r.body().string();
    assertThat(body).as(route).doesNotContain(SECRET, SECRET_NUMBER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"timewarp.json", "run.json", "perf.json", "pairs.csv"})
  void theRunsListTheTimewarpAndTheDashboardWarnInsteadOfFollowing(String name) throws IOException {
    link(run, name);
    serve(
        (app, c) -> {
          for (String route :
              List.of("/api/runs", "/api/timewarp?run=" + RUN, "/?run=" + RUN, "/")) {
            Response r = c.get(route);
            assertThat(r.code()).as(route).isEqualTo(200);
            String body = r.body().string();
            assertThat(body).as(route).doesNotContain(SECRET, SECRET_NUMBER);
            if (reads(route, name)) {
              assertThat(body).as(route).contains(name + ": a link out of the root");
            }
          }
        });
  }

  /** Whether the route reads the artefact at all (and so should say why it did not). */
  static boolean reads(String route, String name) {
    return switch (route) {
      case "/api/runs" -> !name.equals("pairs.csv");
      case "/api/timewarp?run=" + RUN -> name.equals("timewarp.json") || name.equals("pairs.csv");
      default -> true;
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"timewarp.json", "run.json", "new_markers.csv", "annotations.json"})
  void theComparisonOfARunWithALinkOutIsRefused(String name) throws IOException {
    link(run, name);
    serve(
        (app, c) -> {
          for (String route :
              List.of(
                  "/api/compare?run=" + RUN,
                  "/compare?run=" + RUN,
                  "/api/annotations?run=" + RUN,
                  "/api/annotations?run=" + RUN + "&format=csv")) {
            Response r = c.get(route);
            assertThat(r.code()).as(route).isEqualTo(403);
            assertNoLeak(r, route);
          }
        });
  }

  @Test
  void savingAnAnnotationNeverCopiesTheOutsideFileIntoTheRoot() throws IOException {
    link(run, "annotations.json");
    String before = Files.readString(outside.resolve("annotations.json"));
    serve(
        (app, c) -> {
          Response r =
              c.request(
                  "/api/annotations",
                  b ->
                      b.post(
                              HttpRequest.BodyPublishers.ofString(
                                  "{\"run\": \""
                                      + RUN
                                      + "\", \"marker\": \"Berm\", \"label\": \"x\"}"))
                          .header("Content-Type", "application/json"));
          assertThat(r.code()).isEqualTo(403);
          assertNoLeak(r, "POST /api/annotations");
        });
    assertThat(Files.isSymbolicLink(run.resolve("annotations.json"))).isTrue();
    assertThat(Files.readString(outside.resolve("annotations.json"))).isEqualTo(before);
    try (var files = Files.walk(root)) {
      for (Path f :
          files
              .filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
              .toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain(SECRET);
      }
    }
  }

  @Test
  void aRunJsonLinkedOutNamesNoVideoToStream() throws IOException {
    link(run, "run.json");
    serve(
        (app, c) -> {
          for (String role : List.of("ref", "new")) {
            Response r = c.get("/media/" + role + "?run=" + RUN);
            assertThat(r.code()).as(role).isEqualTo(403);
          }
        });
  }

  @Test
  void rootLevelFilesLinkedOutAreNotRead() throws IOException {
    link(root, "regression.json");
    Files.delete(root.resolve("batch_summary.csv"));
    Files.createSymbolicLink(root.resolve("batch_summary.csv"), outside.resolve("pairs.csv"));
    serve(
        (app, c) -> {
          for (String route : List.of("/api/regression", "/api/batch-summary", "/")) {
            Response r = c.get(route);
            assertThat(r.code()).as(route).isLessThan(500);
            assertNoLeak(r, route);
          }
        });
  }

  @Test
  void aLinkedFolderAboveTheArtefactIsRefusedToo() throws IOException {
    Path other = RunWriter.write(outside, "20250601-090000-zzzz", 2);
    Files.createSymbolicLink(root.resolve("20250601-120000-link"), other);
    serve(
        (app, c) -> {
          for (String route :
              List.of(
                  "/api/timewarp?run=20250601-120000-link",
                  "/api/compare?run=20250601-120000-link",
                  "/api/files/20250601-120000-link/timewarp.json")) {
            assertThat(c.get(route).code()).as(route).isEqualTo(403);
          }
          assertThat(c.get("/api/runs").body().string()).doesNotContain("20250601-120000-link");
        });
  }
}
