package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.gps.Splits;
import dev.mtbsync.gps.TimeGap;
import dev.mtbsync.io.Json;
import dev.mtbsync.runs.TimewarpFile;
import dev.mtbsync.server.site.DashboardConfig;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compare page's running gap and gates, and {@code t=}: opening the comparison at a moment of
 * the new run, over a run whose warp the engine fitted ({@link RunWriter}).
 */
class CompareMomentRoutesTest {

  static final String RUN = "pairA/20250601-100000-aaaa";

  @TempDir Path root;

  @Test
  void theViewCarriesTheGatesAndTheAnchorOfTheRunningGapAsCoreComputesIt() throws Exception {
    Path run = RunWriter.write(root.resolve("pairA"), "20250601-100000-aaaa", 3);
    MonotoneWarp warp = TimewarpFile.read(run.resolve("timewarp.json"));
    JavalinTest.test(
        DashboardServer.create(DashboardConfig.of(root)).app(),
        (app, c) -> {
          JsonNode v = Json.MAPPER.readTree(c.get("/api/compare?run=" + RUN).body().string());
          JsonNode gap = v.get("gap");
          assertThat(gap.get("definition").asText()).isEqualTo(TimeGap.DEFINITION);
          assertThat(gap.get("anchor_name").asText()).isEqualTo("Gate 1");
          JsonNode gates = gap.get("gates");
          assertThat(gates)
              .extracting(g -> g.get("name").asText())
              .containsExactly("Gate 1", "Big jump", "Berm"); // Finish lies past the new run
          JsonNode first = gates.get(0);
          Splits.Gate anchor =
              new Splits.Gate(
                  1,
                  "Gate 1",
                  first.get("t_ref").asDouble(),
                  first.get("t_new").asDouble(),
                  Double.NaN,
                  Double.NaN,
                  Double.NaN,
                  0,
                  0,
                  1);
          assertThat(gap.get("anchor_new").asDouble()).isEqualTo(anchor.tNew());
          assertThat(gap.get("anchor_ref").asDouble()).isEqualTo(anchor.tRef());
          for (JsonNode g : gates) {
            double tNew = g.get("t_new").asDouble();
            // the gate's running delta is the core's running gap at the gate, on the run's warp
            assertThat(g.get("delta_sec").asDouble())
                .as(g.get("name").asText())
                .isCloseTo(TimeGap.runningAt(warp, anchor, tNew), offset(1e-4))
                .isCloseTo(
                    (tNew - anchor.tNew()) - (g.get("t_ref").asDouble() - anchor.tRef()),
                    offset(1e-9));
          }
          assertThat(gates.get(2).get("sector_delta_sec").asDouble())
              .isCloseTo(
                  gates.get(2).get("delta_sec").asDouble()
                      - gates.get(1).get("delta_sec").asDouble(),
                  offset(1e-9));
        });
  }

  @Test
  void tOpensTheComparisonAtAMomentAndABadOneIsRefusedNamingIt() throws Exception {
    RunWriter.write(root.resolve("pairA"), "20250601-100000-aaaa", 3);
    JavalinTest.test(
        DashboardServer.create(DashboardConfig.of(root)).app(),
        (app, c) -> {
          Response at =
              c.get("/compare?run=" + RUN + "&t=12.5", b -> b.header("Accept", "text/html"));
          assertThat(at.code()).isEqualTo(200);
          assertThat(at.body().string())
              .contains(
                  "id=\"compare-data\" data-start=\"12.5\"", "id=\"gap-now\"", "id=\"gap-badge\"");
          String plain =
              c.get("/compare?run=" + RUN, b -> b.header("Accept", "text/html")).body().string();
          assertThat(plain).contains("id=\"compare-data\" data-start=\"\"");
          for (String bad : new String[] {"abc", "-1", "NaN", "Infinity"}) {
            Response r =
                c.get("/compare?run=" + RUN + "&t=" + bad, b -> b.header("Accept", "text/html"));
            assertThat(r.code()).as("t=" + bad).isEqualTo(400);
            assertThat(r.body().string())
                .contains("t must be seconds of the new run", "'" + bad + "'");
          }
        });
  }
}
