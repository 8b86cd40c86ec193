package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.gps.DeltaTime;
import dev.mtbsync.gps.DistanceCurve;
import dev.mtbsync.gps.GpsTrack;
import dev.mtbsync.gps.Splits;
import dev.mtbsync.gps.TrackPoint;
import dev.mtbsync.markers.MarkerCsv;
import dev.mtbsync.runs.SplitsCsv;
import dev.mtbsync.runs.TimewarpFile;
import dev.mtbsync.server.site.DashboardConfig;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delta card and {@code /api/splits} over run folders whose delta.csv and splits.csv are
 * written by core's own writers from the run's fitted warp and transferred markers.
 */
class DeltaSplitsRoutesTest {

  static final String WITH = "20250601-110000-bbbb";
  static final String WITHOUT = "20250601-100000-aaaa";

  /** The reference's GPS: due north at 5 m/s, a fix a second, from video time 0. */
  static final double SPEED = 5;

  @TempDir Path dir;
  Path root;
  Path run;
  List<Splits.Gate> gates;
  List<DeltaTime.Point> curve;

  @BeforeEach
  void runs() throws IOException {
    root = Files.createDirectories(dir.resolve("root"));
    RunWriter.write(root, WITHOUT, 1);
    run = RunWriter.write(root, WITH, 2);
    Files.setLastModifiedTime(
        root.resolve(WITHOUT), java.nio.file.attribute.FileTime.fromMillis(1_000_000));
    MonotoneWarp warp = TimewarpFile.read(run.resolve("timewarp.json"));
    DistanceCurve refCurve = DistanceCurve.of(northbound(), Instant.parse("2025-06-01T10:00:00Z"));
    gates = Splits.of(MarkerCsv.readNew(run.resolve("new_markers.csv")), refCurve, null);
    curve = DeltaTime.curve(warp, refCurve, null);
    SplitsCsv.writeSplits(run.resolve(SplitsCsv.SPLITS), gates);
    SplitsCsv.writeDelta(run.resolve(SplitsCsv.DELTA), curve);
  }

  static GpsTrack northbound() {
    List<TrackPoint> points = new ArrayList<>();
    Instant t0 = Instant.parse("2025-06-01T10:00:00Z");
    for (int s = 0; s <= 40; s++) {
      double lat = 46.0 + SPEED * s / 111_195.0;
      points.add(new TrackPoint(lat, 7.0, 1200, t0.plusSeconds(s)));
    }
    return new GpsTrack(Path.of("ref.gpx"), "gpx", points, null, "");
  }

  void serve(io.javalin.testtools.TestCase test) throws IOException {
    JavalinTest.test(DashboardServer.create(DashboardConfig.of(root)).app(), test);
  }

  static String page(io.javalin.testtools.HttpClient c, String path) throws IOException {
    Response r = c.get(path, DashboardRoutesTest.html());
    assertThat(r.code()).isEqualTo(200);
    return r.body().string();
  }

  @Test
  void theRunViewShowsTheDeltaChartAndSplitsUnderTheTimewarp() throws IOException {
    assertThat(gates).as("Finish lies past the new run: three gates").hasSize(3);
    serve(
        (app, c) -> {
          String p = page(c, "/?run=" + WITH);
          assertThat(p).contains("Delta time &amp; splits", "id=\"delta-plot\"");
          assertThat(p.indexOf("id=\"timewarp\""))
              .isLessThan(p.indexOf("id=\"delta\""))
              .isLessThan(p.indexOf("id=\"markers\""));
          String card = p.substring(p.indexOf("id=\"delta\""), p.indexOf("id=\"markers\""));
          assertThat(card)
              .contains("distance along the trail (m)", "along the trail by GPS distance")
              .contains("class=\"delta\"", "class=\"zero\"", "class=\"gate ")
              .contains("Gate 1", "Big jump", "Berm")
              .doesNotContain("Finish", "class=\"warning\"");
          for (Splits.Gate g : gates.subList(1, gates.size())) {
            String tone = g.sectorDeltaSec() > 0 ? "bad" : "good";
            assertThat(card)
                .as(g.name())
                .contains(
                    "class=\"num delta " + tone + "\">" + signed(g.sectorDeltaSec()) + "</td>");
          }
          // one gap figure: the last gate's running delta, in the headline and in the table
          double gap = gates.get(gates.size() - 1).deltaSec();
          String label = signed(gap) + " s " + (gap > 0 ? "lost" : "gained");
          assertThat(card)
              .contains("id=\"time-gap\"", "Time gap " + label, "Gate 1 to Berm")
              .contains("from the first gate to the last");
          assertThat(card)
              .doesNotContain(signed(curve.get(curve.size() - 1).deltaSec()) + " s lost");
          Splits.Gate worst = dev.mtbsync.gps.TimeGap.worstSector(gates);
          if (worst != null) {
            assertThat(card)
                .contains("Lost most in " + worst.name() + ": " + signed(worst.sectorDeltaSec()))
                .containsPattern(
                    "<tr class=\"worst\">\\s*<td><span class=\"gate-no\">"
                        + worst.gate()
                        + "</span> "
                        + worst.name());
          }
          // the curve under each gate reads the gate's running delta (the tooltip's "in all")
          for (Splits.Gate g : gates) {
            assertThat(card).as(g.name()).contains(signed(g.deltaSec()) + " s in all");
          }
        });
  }

  @Test
  void splitsApiAnswersBothFilesAsCoreWroteThem() throws IOException {
    serve(
        (app, c) -> {
          JsonNode j = DashboardRoutesTest.json(c.get("/api/splits?run=" + WITH));
          assertThat(j.get("run_id").asText()).isEqualTo(WITH);
          assertThat(j.get("delta_present").asBoolean()).isTrue();
          assertThat(j.get("delta_read").asBoolean()).isTrue();
          assertThat(j.get("warnings")).isEmpty();
          JsonNode delta = j.get("delta");
          assertThat(delta).hasSize(curve.size());
          for (int i = 0; i < delta.size(); i += 7) {
            JsonNode p = delta.get(i);
            assertThat(p.get("delta_sec").asDouble())
                .isCloseTo(curve.get(i).deltaSec(), within(5e-4));
            assertThat(p.get("distance_m").asDouble())
                .as("GPS distance at 5 m/s of reference time")
                .isCloseTo(SPEED * (p.get("t_ref").asDouble() - curve.get(0).tRef()), within(1.0));
          }
          JsonNode splits = j.get("splits");
          assertThat(splits).hasSize(gates.size());
          assertThat(splits.get(0).get("ref_sector_sec").isNull()).isTrue();
          for (int i = 0; i < gates.size(); i++) {
            Splits.Gate g = gates.get(i);
            JsonNode s = splits.get(i);
            assertThat(s.get("gate").asInt()).isEqualTo(i + 1);
            assertThat(s.get("name").asText()).isEqualTo(g.name());
            assertThat(s.get("delta_sec").asDouble()).isCloseTo(g.deltaSec(), within(5e-4));
            if (i > 0) {
              assertThat(s.get("sector_delta_sec").asDouble())
                  .isCloseTo(g.sectorDeltaSec(), within(5e-4));
            }
          }
        });
  }

  @Test
  void aRunWithoutTheFilesSaysSoAndIsNoError() throws IOException {
    serve(
        (app, c) -> {
          String p = page(c, "/?run=" + WITHOUT);
          String card = p.substring(p.indexOf("id=\"delta\""), p.indexOf("id=\"markers\""));
          assertThat(card)
              .contains("No delta time for this run")
              .doesNotContain("delta-plot", "class=\"warning\"", "splits-table");
          Response r = c.get("/api/splits?run=" + WITHOUT);
          assertThat(r.code()).isEqualTo(200);
          JsonNode j = DashboardRoutesTest.json(r);
          assertThat(j.get("delta_present").asBoolean()).isFalse();
          assertThat(j.get("splits_present").asBoolean()).isFalse();
          assertThat(j.get("delta")).isEmpty();
          assertThat(j.get("warnings")).isEmpty();
        });
  }

  @Test
  void malformedFilesAreWarningsOnTheCard() throws IOException {
    Files.writeString(run.resolve(SplitsCsv.DELTA), "t_ref,when\n1,2\n");
    Files.writeString(
        run.resolve(SplitsCsv.SPLITS),
        Files.readString(run.resolve(SplitsCsv.SPLITS)).replaceFirst("\n2,", "\nsecond,"));
    serve(
        (app, c) -> {
          String p = page(c, "/?run=" + WITH);
          String card = p.substring(p.indexOf("id=\"delta\""), p.indexOf("id=\"markers\""));
          assertThat(card)
              .contains("class=\"warning\"")
              .contains(WITH + "/delta.csv: line 1: not a delta curve")
              .contains(WITH + "/splits.csv: line 3: gate 'second' is not a number")
              .doesNotContain("delta-plot");
          JsonNode j = DashboardRoutesTest.json(c.get("/api/splits?run=" + WITH));
          assertThat(j.get("delta_present").asBoolean()).isTrue();
          assertThat(j.get("delta_read").asBoolean()).isFalse();
          assertThat(j.get("warnings")).hasSize(2);
          assertThat(p).contains("Big jump").as("the rest of the page is there");
        });
  }

  @Test
  void aLinkOutOfTheRootIsNotReadAndBadRunsAreRefused() throws IOException {
    String secret = "t_ref,distance_m,t_new,delta_sec\n1.0,0.0,1.0,+42.000\n";
    Files.writeString(dir.resolve("delta.csv"), secret);
    Files.delete(run.resolve(SplitsCsv.DELTA));
    Files.createSymbolicLink(run.resolve(SplitsCsv.DELTA), dir.resolve("delta.csv"));
    serve(
        (app, c) -> {
          JsonNode j = DashboardRoutesTest.json(c.get("/api/splits?run=" + WITH));
          assertThat(j.get("delta")).isEmpty();
          assertThat(j.get("warnings").get(0).asText())
              .contains("delta.csv", "link out of the root");
          assertThat(j.toString()).doesNotContain("42.0");
          for (String bad : new String[] {"..", "%2e%2e", "a%2Fb", "nope", ""}) {
            RawHttp.Answer r = RawHttp.get(app.port(), "/api/splits?run=" + bad);
            assertThat(r.status()).as(bad).isBetween(400, 404);
          }
          assertThat(RawHttp.get(app.port(), "/api/splits").status()).isEqualTo(400);
        });
  }

  private static String signed(double v) {
    return String.format(java.util.Locale.ROOT, "%+.2f", v);
  }

  @Test
  void theRunsListShowsEachRunsTimeItsGapAndItsBestAndWorstSector() throws IOException {
    dev.mtbsync.gps.TimeGap gap = dev.mtbsync.gps.TimeGap.of(gates, curve);
    Splits.Gate last = gates.get(gates.size() - 1);
    Splits.Gate worst = dev.mtbsync.gps.TimeGap.worstSector(gates);
    Splits.Gate best = dev.mtbsync.gps.TimeGap.bestSector(gates);
    assertThat(worst != null || best != null)
        .as("the drawn warp gains or loses somewhere")
        .isTrue();
    serve(
        (app, c) -> {
          JsonNode lap = DashboardRoutesTest.json(c.get("/api/runs")).get("runs").get(0).get("lap");
          assertThat(lap.get("run_time_sec").asDouble())
              .isCloseTo(last.newElapsedSec(), within(1e-3));
          assertThat(lap.get("gap_sec").asDouble()).isCloseTo(gap.seconds(), within(1e-3));
          String html = page(c, "/");
          int at = html.indexOf("<tr data-run=\"" + WITH + "\"");
          String row = html.substring(at, html.indexOf("</tr>", at));
          assertThat(row)
              .contains(String.format(java.util.Locale.ROOT, ">%.2f s<", last.newElapsedSec()))
              .contains(String.format(java.util.Locale.ROOT, "%+.2f s</span>", gap.seconds()));
          if (worst != null) {
            assertThat(row)
                .contains(
                    String.format(
                        java.util.Locale.ROOT,
                        "worst %s %+.2f s",
                        worst.name(),
                        worst.sectorDeltaSec()));
          }
          if (best != null) {
            assertThat(row)
                .contains(
                    String.format(
                        java.util.Locale.ROOT,
                        "best %s %+.2f s",
                        best.name(),
                        best.sectorDeltaSec()));
          }
          // the same figure as the run's own delta card
          assertThat(page(c, "/?run=" + WITH)).contains(gap.label());
          int other = html.indexOf("<tr data-run=\"" + WITHOUT + "\"");
          assertThat(html.substring(other, html.indexOf("</tr>", other)))
              .as("no splits: dashes, no sectors")
              .contains("<td class=\"num run-time\">–</td>")
              .doesNotContain("worst ", "best ");
        });
  }
}
