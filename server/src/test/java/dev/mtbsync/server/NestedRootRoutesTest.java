package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mtbsync.server.site.DashboardConfig;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A root whose runs were synced into sub-folders ({@code sync --out ROOT/pairA}): every page and
 * route finds them and names them by their path under the root.
 */
class NestedRootRoutesTest {

  static final String TOP = "20250601-090000-aaaa";
  static final String NESTED = "pairA/20250601-100000-bbbb";
  static final String DEEP = "trails/bluebell/20250601-110000-cccc";

  @TempDir Path root;

  @BeforeEach
  void runs() throws IOException {
    RunWriter.write(root, TOP, 1);
    RunWriter.write(Files.createDirectories(root.resolve("pairA")), "20250601-100000-bbbb", 2);
    RunWriter.write(
        Files.createDirectories(root.resolve("trails/bluebell")), "20250601-110000-cccc", 3);
  }

  void serve(io.javalin.testtools.TestCase test) {
    JavalinTest.test(DashboardRoutesTest.createServer(DashboardConfig.of(root)).app(), test);
  }

  static String q(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  @Test
  void runsInSubFoldersAreListedByTheirPathUnderTheRoot() {
    serve(
        (app, c) -> {
          JsonNode j = DashboardRoutesTest.json(c.get("/api/runs"));
          assertThat(j.get("total").asInt()).isEqualTo(3);
          List<String> ids = new ArrayList<>();
          j.get("runs").forEach(r -> ids.add(r.get("id").asText()));
          assertThat(ids).containsExactlyInAnyOrder(TOP, NESTED, DEEP);
          String page = c.get("/", DashboardRoutesTest.html()).body().string();
          assertThat(page)
              .contains("data-run=\"" + NESTED + "\"", "href=\"/?run=" + q(NESTED) + "\"")
              .doesNotContain("No run folders");
        });
  }

  @Test
  void aNestedRunAnswersOnEveryRouteThatTakesARun() {
    serve(
        (app, c) -> {
          for (String path :
              List.of(
                  "/?run=" + q(NESTED),
                  "/?run=" + NESTED,
                  "/api/timewarp?run=" + NESTED,
                  "/api/splits?run=" + q(DEEP),
                  "/api/compare?run=" + NESTED,
                  "/compare?run=" + q(NESTED))) {
            Response r = c.get(path, DashboardRoutesTest.html());
            assertThat(r.code()).as(path).isEqualTo(200);
          }
          JsonNode warp = DashboardRoutesTest.json(c.get("/api/timewarp?run=" + NESTED));
          assertThat(warp.get("run_id").asText()).isEqualTo(NESTED);
          String page = c.get("/?run=" + q(NESTED), DashboardRoutesTest.html()).body().string();
          assertThat(page)
              .contains("<span class=\"run-id\">" + NESTED + "</span>")
              .contains("/api/files/pairA/20250601-100000-bbbb/timewarp.json");
          JsonNode markers =
              DashboardRoutesTest.json(c.get("/api/markers?file=" + NESTED + "/new_markers.csv"));
          assertThat(markers.get("markers")).isNotEmpty();
        });
  }

  @Test
  void telemetryNamesEachRunByItsPathSoItsLinkLeadsToIt() {
    serve(
        (app, c) -> {
          JsonNode h = DashboardRoutesTest.json(c.get("/api/perf/history"));
          List<String> ids = new ArrayList<>();
          h.get("items").forEach(p -> ids.add(p.get("run_id").asText()));
          assertThat(ids).containsExactlyInAnyOrder(TOP, NESTED, DEEP);
        });
  }

  @Test
  void aFolderThatHoldsRunsIsNotItselfARunAndNothingLeadsOut() {
    serve(
        (app, c) -> {
          assertThat(c.get("/api/timewarp?run=pairA").code()).isEqualTo(404);
          assertThat(c.get("/api/timewarp?run=trails/bluebell").code()).isEqualTo(404);
          for (String bad : List.of("pairA/..", "pairA/../..", "/etc", "pairA//x", ".hidden/x")) {
            int code = c.get("/api/timewarp?run=" + q(bad)).code();
            assertThat(code).as(bad).isBetween(400, 404);
          }
        });
  }

  @Test
  void theMarkerIntervalIsShownAsPlusOrMinusHalfItsWidth() {
    serve(
        (app, c) -> {
          String page = c.get("/?run=" + q(NESTED), DashboardRoutesTest.html()).body().string();
          assertThat(page).containsPattern("<span class=\"pm\"[^>]*>± \\d+ ms</span>");
          JsonNode view = DashboardRoutesTest.json(c.get("/api/compare?run=" + NESTED));
          JsonNode m = view.get("markers").get(0);
          assertThat(m.has("t_new_lo")).isTrue();
          assertThat(m.get("t_new_hi").asDouble()).isGreaterThan(m.get("t_new_lo").asDouble());
        });
  }
}
