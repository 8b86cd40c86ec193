package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mtbsync.server.site.DashboardConfig;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sync that found no warp, as the newest run of a root beside one that passed. */
class FailedRunRoutesTest {

  static final String GOOD = "20250601-100000-good";
  static final String FAILED = "20250601-120000-fail";
  static final String PROBLEM =
      "the runs do not overlap, or show different places: no verified pair";

  @TempDir Path root;

  @BeforeEach
  void runs() throws IOException {
    Path good = RunWriter.write(root, GOOD, 1);
    Files.setLastModifiedTime(good, FileTime.fromMillis(1_000_000));
    RunWriter.writeFailed(root, FAILED, PROBLEM);
  }

  void serve(io.javalin.testtools.TestCase test) {
    JavalinTest.test(DashboardRoutesTest.createServer(DashboardConfig.of(root)).app(), test);
  }

  static Consumer<io.javalin.testtools.Request.Builder> html() {
    return DashboardRoutesTest.html();
  }

  @Test
  void theDashboardOpensOnTheNewestRunThatDidNotFail() {
    serve(
        (app, c) -> {
          String page = c.get("/", html()).body().string();
          assertThat(page.indexOf(FAILED))
              .as("the failed run is listed first")
              .isLessThan(page.indexOf(GOOD));
          assertThat(page).contains("Timewarp <span class=\"run-id\">" + GOOD + "</span>");
          assertThat(page).doesNotContain("sync failed:");
        });
  }

  @Test
  void aFailedRunsCardSaysWhyAndShowsNoFillerFiguresNorCompare() {
    serve(
        (app, c) -> {
          String page = c.get("/?run=" + FAILED, html()).body().string();
          assertThat(page).contains("Timewarp <span class=\"run-id\">" + FAILED + "</span>");
          assertThat(page).contains("id=\"run-failure\">sync failed: " + PROBLEM + "</p>");
          assertThat(page)
              .as("filler figures of a warp that was never fitted")
              .doesNotContain("1.0000", "+0.00 s", "monotone_pchip", "id=\"warp-plot\"");
          assertThat(page).doesNotContain("Compare videos", "/compare?run=" + FAILED);
          String good = c.get("/?run=" + GOOD, html()).body().string();
          assertThat(good).contains("Compare videos", "monotone_pchip", "id=\"warp-plot\"");
        });
  }

  @Test
  void theRunsApiSaysTheRunFailedWhyAndThatItHasNoWarp() throws IOException {
    serve(
        (app, c) -> {
          JsonNode runs = DashboardRoutesTest.json(c.get("/api/runs")).get("runs");
          JsonNode failed = runs.get(0);
          assertThat(failed.get("id").asText()).isEqualTo(FAILED);
          assertThat(failed.get("ok").asBoolean()).isFalse();
          assertThat(failed.get("fitted").asBoolean()).isFalse();
          assertThat(failed.get("problems").get(0).asText()).isEqualTo(PROBLEM);
          assertThat(runs.get(1).get("fitted").asBoolean()).isTrue();
        });
  }

  @Test
  void theTelemetryHistoryMarksTheFailedRunsFigures() {
    serve(
        (app, c) -> {
          JsonNode items = DashboardRoutesTest.json(c.get("/api/perf/history")).get("items");
          assertThat(items).hasSize(2);
          for (JsonNode it : items) {
            boolean failed = it.get("run_id").asText().equals(FAILED);
            assertThat(it.get("ok").asBoolean()).as(it.get("run_id").asText()).isEqualTo(!failed);
          }
        });
  }
}
