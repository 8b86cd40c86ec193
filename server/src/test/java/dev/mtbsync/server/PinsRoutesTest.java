package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mtbsync.io.Json;
import dev.mtbsync.markers.MarkerCsv;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.runs.RunRefit;
import dev.mtbsync.server.site.DashboardConfig;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins posted from the compare page to a real run (a rendered pair, synced, its warp broken in one
 * stretch): two pins at the stretch's ends put its markers back within a frame of the truth, pins
 * that run backwards are refused with 409 and change nothing.
 */
class PinsRoutesTest {

  @TempDir static Path work;
  static BrokenRun run;

  @BeforeAll
  static void sync() throws Exception {
    run = BrokenRun.make(work);
  }

  static Response post(HttpClient c, String body) {
    return c.request(
        "/api/anchors",
        b ->
            b.post(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
  }

  static String pins(double[]... pins) throws java.io.IOException {
    List<Map<String, Object>> list = new java.util.ArrayList<>();
    for (double[] p : pins) {
      list.add(Map.of("t_new", p[0], "t_ref", p[1], "note", "at " + p[0]));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("run", run.runId);
    body.put("pins", list);
    return Json.MAPPER.writeValueAsString(body);
  }

  /** Worst error (s) against the truth of the markers inside the broken stretch. */
  static double worstInside() throws Exception {
    double worst = 0;
    int seen = 0;
    for (NewMarker m : MarkerCsv.readNew(run.runDir.resolve("new_markers.csv"))) {
      if (m.name().startsWith("in-")) {
        worst = Math.max(worst, Math.abs(m.tNew() - run.truthNew(m.tRef())));
        seen++;
      }
    }
    assertThat(seen).isEqualTo(3);
    return worst;
  }

  @Test
  void twoPinsRepairTheBrokenStretchAndConflictingPinsAreRefused() throws Exception {
    assertThat(worstInside()).as("the broken stretch, before pins").isGreaterThan(0.5);
    String brokenWarp = Files.readString(run.runDir.resolve("timewarp.json"));
    double[] measured = {Double.NaN};
    DashboardServer server =
        DashboardServer.create(DashboardConfig.of(run.root).withAllowWrite(true));
    JavalinTest.test(
        server.app(),
        (app, c) -> {
          double[] entry = run.pinAt(BrokenRun.FROM);
          double[] exit = run.pinAt(BrokenRun.TO);
          Response saved = post(c, pins(exit, entry));
          String body = saved.body().string();
          assertThat(saved.code()).as(body).isEqualTo(200);
          double worst = worstInside();
          measured[0] = worst;
          assertThat(worst)
              .as(
                  "markers in the pinned stretch (s): %s",
                  Files.readString(run.runDir.resolve("new_markers.csv")))
              .isLessThan(BrokenRun.FRAME);

          JsonNode view = Json.MAPPER.readTree(body);
          assertThat(view.get("pins")).hasSize(2);
          assertThat(view.get("pins").get(0).get("t_new").asDouble())
              .isCloseTo(entry[0], org.assertj.core.data.Offset.offset(1e-6));
          assertThat(view.get("can_pin").asBoolean()).isTrue();
          assertThat(view.get("neu").get("fps").asDouble()).isEqualTo(30.0);
          assertThat(Files.readString(run.runDir.resolve(RunRefit.AUTO_TIMEWARP)))
              .isEqualTo(brokenWarp);
          assertThat(Files.readAllLines(run.runDir.resolve("anchors.csv")))
              .hasSize(3)
              .first()
              .isEqualTo("t_new,t_ref,note");
          JsonNode warp = Json.MAPPER.readTree(run.runDir.resolve("timewarp.json").toFile());
          assertThat(warp.get("anchors").get("count").asInt()).isEqualTo(2);
          assertThat(warp.has("camera")).as("the sync's camera block carried over").isTrue();
          // the markers at the pins are exact to half a frame, and the splits follow the markers
          for (NewMarker m : MarkerCsv.readNew(run.runDir.resolve("new_markers.csv"))) {
            assertThat(m.hasInterval()).isTrue();
          }
          String splits = Files.readString(run.runDir.resolve("splits.csv"));
          for (NewMarker m : MarkerCsv.readNew(run.runDir.resolve("new_markers.csv"))) {
            assertThat(splits).contains(String.format(Locale.ROOT, "%.3f", m.tNew()));
          }

          String fixedWarp = Files.readString(run.runDir.resolve("timewarp.json"));
          double[] backwards = {entry[0] + 1, entry[1] - 2};
          Response refused = post(c, pins(entry, backwards, exit));
          String why = refused.body().string();
          assertThat(refused.code()).as(why).isEqualTo(409);
          assertThat(Json.MAPPER.readTree(why).get("error").asText())
              .contains("conflict", "earlier moment of the reference");
          assertThat(Files.readString(run.runDir.resolve("timewarp.json"))).isEqualTo(fixedWarp);
          assertThat(Files.readAllLines(run.runDir.resolve("anchors.csv"))).hasSize(3);

          String one = pins(entry);
          Response foreign =
              c.request(
                  "/api/anchors",
                  b ->
                      b.post(HttpRequest.BodyPublishers.ofString(one))
                          .header("Content-Type", "application/json")
                          .header("Origin", "http://evil.example"));
          assertThat(foreign.code()).isEqualTo(403);
          assertThat(post(c, "{\"pins\": []}").code()).as("no run").isEqualTo(400);
        });
    System.out.printf(
        Locale.ROOT,
        "two pins: worst marker error in the %.0f s stretch %.1f ms (a frame is %.1f ms)%n",
        BrokenRun.TO - BrokenRun.FROM,
        measured[0] * 1000,
        BrokenRun.FRAME * 1000);
    JavalinTest.test(
        DashboardServer.create(DashboardConfig.of(run.root)).app(),
        (app, c) -> {
          Response readOnly = post(c, pins(run.pinAt(BrokenRun.FROM)));
          assertThat(readOnly.code()).isEqualTo(403);
          JsonNode view =
              Json.MAPPER.readTree(c.get("/api/compare?run=" + run.runId).body().string());
          assertThat(view.get("can_pin").asBoolean()).isFalse();
          assertThat(view.get("pins")).hasSize(2);
        });
  }
}
