package dev.mtbsync.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mtbsync.Progress;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.gps.GpsFormatException;
import dev.mtbsync.gps.GpsInputs;
import dev.mtbsync.gps.GpsSource;
import dev.mtbsync.io.Json;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.match.MatchConfig;
import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthRenderer;
import dev.mtbsync.synth.SynthTruth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Syncs a rendered pair with the riders' GPS (its ref.gpx and new.gpx: each on its own clock, with
 * about 2.5 m of receiver error) and checks the markers against the known truth.
 */
class SyncPipelineGpsTest {

  @TempDir static Path dir;
  static Path pair;
  static Path runs;
  static SynthTruth truth;

  @BeforeAll
  static void render() throws IOException {
    pair = dir.resolve("pair");
    runs = dir.resolve("runs"); // shared, so the reference is analysed once for every test
    SynthRenderer.render(new SynthConfig(4, 14, 640, 360, 30, 60), pair, Progress.NONE);
    truth = SynthTruth.read(pair.resolve("truth.json"));
  }

  private static SyncResult sync(GpsInputs gps) throws IOException {
    return SyncPipeline.run(
        new SyncRequest(
            pair.resolve("ref.mp4"),
            pair.resolve("new.mp4"),
            null,
            pair.resolve("ref_markers.csv"),
            runs,
            OrbConfig.DEFAULT,
            new OrbConfig(3, 960, 500, false),
            MatchConfig.defaults(),
            WarpConfig.DEFAULT,
            0.6,
            gps),
        Progress.NONE);
  }

  private static GpsInputs files(Path ref, Path neu, double newOffsetSec) {
    return new GpsInputs(
        ref == null ? GpsSource.NONE : GpsSource.file(ref, 0),
        neu == null ? GpsSource.NONE : GpsSource.file(neu, newOffsetSec));
  }

  /** Marker errors against the truth (s), sorted. */
  private static List<Double> errors(SyncResult r) {
    List<Double> errors = new ArrayList<>();
    for (int i = 0; i < r.markers().size(); i++) {
      NewMarker m = r.markers().get(i);
      Double t = truth.markers().get(i).tNew();
      if (t != null && !Double.isNaN(m.tNew())) {
        errors.add(Math.abs(m.tNew() - t));
      }
    }
    Collections.sort(errors);
    return errors;
  }

  private static void assertAccurate(SyncResult r) {
    assertThat(r.ok()).as(String.join("; ", r.problems())).isTrue();
    List<Double> e = errors(r);
    assertThat(e).hasSizeGreaterThanOrEqualTo(4);
    assertThat(e.get(e.size() / 2)).as("median marker error (s)").isLessThan(2 / 60.0);
    assertThat(e.get(e.size() - 1)).as("largest marker error (s)").isLessThan(0.25);
  }

  private static JsonNode timewarp(SyncResult r) throws IOException {
    return Json.MAPPER.readTree(r.runDir().resolve("timewarp.json").toFile());
  }

  @Test
  void bothTracksSeedTheSearchAndItIsAsAccurateAsThePicturesAlone() throws IOException {
    SyncResult alone = sync(GpsInputs.NONE);
    SyncResult seeded = sync(files(pair.resolve("ref.gpx"), pair.resolve("new.gpx"), 0));
    assertAccurate(seeded);
    assertThat(seeded.gps().seeded()).isTrue();
    List<Double> a = errors(alone);
    List<Double> s = errors(seeded);
    assertThat(s.get(s.size() - 1)).isLessThanOrEqualTo(a.get(a.size() - 1) + 1 / 60.0);
    JsonNode tw = timewarp(seeded);
    assertThat(tw.at("/search/prior").asText()).isEqualTo("gps");
    assertThat(tw.at("/search/coarse_cells").asLong())
        .as("signatures compared")
        .isLessThan(timewarp(alone).at("/search/coarse_cells").asLong());
    assertThat(tw.at("/gps/alignment/shared_frac").asDouble()).isGreaterThan(0.9);
    assertThat(tw.at("/gps/agreement/disagreements")).isEmpty();
    assertThat(seeded.gps().lines()).anyMatch(l -> l.contains("they agree"));
    // delta time along the trail, with distances from the reference's track
    assertThat(seeded.splits()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(seeded.splits().get(1).distanceM()).isPositive();
    List<String> splits = Files.readAllLines(seeded.runDir().resolve("splits.csv"));
    assertThat(splits.get(0)).startsWith("gate,name,t_ref,t_new,distance_m,");
    assertThat(splits).hasSize(seeded.splits().size() + 1);
    List<String> delta = Files.readAllLines(seeded.runDir().resolve("delta.csv"));
    assertThat(delta.get(0)).isEqualTo("t_ref,distance_m,t_new,delta_sec");
    assertThat(delta.get(1)).contains(",0.0,").endsWith(",+0.000").doesNotContain(",,");
  }

  @Test
  void aGpsClockFiveSecondsOffStillConvergesAndTheDisagreementIsReported() throws IOException {
    SyncResult r = sync(files(pair.resolve("ref.gpx"), pair.resolve("new.gpx"), 5));
    assertAccurate(r);
    // the track's clock says 5 s later than the truth, so the GPS expects the reference ahead
    assertThat(r.gps().agreement().medianSec()).as("pictures minus GPS").isBetween(-7.0, -3.0);
    assertThat(r.gps().agreement().disagreements()).isNotEmpty();
    assertThat(r.gps().lines()).anyMatch(l -> l.contains("they disagree over"));
  }

  @Test
  void aFifthOfTheFixesMissingStillConverges() throws IOException {
    List<String> lines = Files.readAllLines(pair.resolve("new.gpx"));
    StringBuilder gpx = new StringBuilder();
    int point = 0;
    boolean skip = false;
    for (String line : lines) {
      if (line.contains("<trkpt")) {
        skip = point++ % 5 == 2; // every fifth fix, the first kept
      }
      if (!skip) {
        gpx.append(line).append('\n');
      }
      if (line.contains("</trkpt>")) {
        skip = false;
      }
    }
    Path thinned = Files.writeString(dir.resolve("new-thinned.gpx"), gpx);
    SyncResult r = sync(files(pair.resolve("ref.gpx"), thinned, 0));
    assertAccurate(r);
    assertThat(r.gps().seeded()).isTrue();
  }

  @Test
  void gpsOnOneSideMeasuresTheTrailWhileThePicturesSearch() throws IOException {
    SyncResult r = sync(files(pair.resolve("ref.gpx"), null, 0));
    assertAccurate(r);
    assertThat(r.gps().seeded()).isFalse();
    assertThat(r.gps().lines()).anyMatch(l -> l.startsWith("GPS on the reference only"));
    assertThat(r.splits().get(r.splits().size() - 1).distanceM()).isGreaterThan(20);
    assertThat(timewarp(r).at("/search/prior").asText()).isEqualTo("none");
  }

  @Test
  void videosWithoutTelemetryFallBackToThePicturesAndSaySo() throws IOException {
    SyncResult r = sync(new GpsInputs(GpsSource.video(0), GpsSource.video(0)));
    assertAccurate(r);
    assertThat(r.gps().seeded()).isFalse();
    assertThat(r.gps().lines())
        .contains(
            "reference GPS: none ("
                + pair.resolve("ref.mp4")
                + ": no GoPro telemetry (no gpmd"
                + " track))",
            "no usable GPS: the search is by the pictures alone");
  }

  @Test
  void aMalformedGpsFileStopsTheSyncBeforeAnyWork() throws IOException {
    Path bad = Files.writeString(dir.resolve("broken.gpx"), "<gpx><trk><trkseg><trkpt lat=");
    Path out = dir.resolve("untouched");
    assertThatThrownBy(
            () ->
                SyncPipeline.run(
                    new SyncRequest(
                        pair.resolve("ref.mp4"),
                        pair.resolve("new.mp4"),
                        null,
                        null,
                        out,
                        OrbConfig.DEFAULT,
                        OrbConfig.DEFAULT,
                        MatchConfig.defaults(),
                        WarpConfig.DEFAULT,
                        0.6,
                        files(bad, null, 0)),
                    Progress.NONE))
        .isInstanceOf(GpsFormatException.class)
        .hasMessageStartingWith(bad + ": not a readable GPX file");
    assertThat(out).doesNotExist();
  }
}
