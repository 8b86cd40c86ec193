package dev.mtbsync.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mtbsync.align.Anchor;
import dev.mtbsync.align.AnchorConflictException;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.align.WarpFitter;
import dev.mtbsync.gps.DeltaTime;
import dev.mtbsync.io.Json;
import dev.mtbsync.markers.MarkerCsv;
import dev.mtbsync.markers.MarkerTransfer;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.markers.RefMarker;
import dev.mtbsync.match.TimePair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder as a sync leaves it (pairs of a known warp, broken for 5 s; markers; splits and a
 * delta curve with GPS distances), refitted through pins in place.
 */
class RunRefitTest {

  static final double FRAME = 1 / 30.0;

  @TempDir Path run;

  /** t_ref = 2 + t + 0.2 sin(t / 4); the reference's GPS puts 5 m under each second of it. */
  static double truth(double t) {
    return 2 + t + 0.2 * Math.sin(t / 4);
  }

  static double metres(double tRef) {
    return 5 * tRef;
  }

  @BeforeEach
  void syncedRun() throws IOException {
    List<TimePair> pairs = new ArrayList<>();
    for (double t = 0; t <= 40; t += 1 / 6.0) {
      double r = truth(t) + (t > 20 && t < 25 ? -8 : 0); // a look-alike stretch
      pairs.add(new TimePair(t, r, 0.8, 60));
    }
    pairs.add(new TimePair(30, 10, 0.1, 8)); // too few inliers: the sync did not verify it
    PairsCsv.writeRaw(run.resolve("pairs_raw.csv"), pairs);
    Json.write(
        run.resolve("run.json"),
        Map.of(
            "schema_version",
            1,
            "parameters",
            Map.of(
                "warp",
                WarpConfig.DEFAULT,
                "match",
                Map.of("min_inliers", 20),
                "review_threshold",
                0.6)));
    WarpFitter.Fit fit = WarpFitter.fit(pairs.subList(0, pairs.size() - 1), WarpConfig.DEFAULT);
    TimewarpFile.write(
        run.resolve("timewarp.json"),
        fit.warp(),
        fit.quality(),
        WarpConfig.DEFAULT,
        List.of(),
        Map.of("camera", Map.of("source", "estimated", "zoom", 1.02)));
    List<RefMarker> refs =
        List.of(
            new RefMarker("gate", truth(5), "red", "start"),
            new RefMarker("drop", truth(22.5), "", "big one"),
            new RefMarker("finish", truth(35), "", ""));
    List<NewMarker> markers = MarkerTransfer.transfer(refs, fit.warp(), 0.99, FRAME);
    assertThat(markers.get(0).comment()).as("flagged by the high threshold").contains("review:");
    MarkerCsv.writeNew(markers, run.resolve("new_markers.csv"));
    SplitsCsv.writeSplits(run.resolve("splits.csv"), List.of());
    List<DeltaTime.Point> delta = new ArrayList<>();
    for (DeltaTime.Point p : DeltaTime.curve(fit.warp(), null, null)) {
      delta.add(new DeltaTime.Point(p.tRef(), metres(p.tRef()), p.tNew(), p.deltaSec()));
    }
    SplitsCsv.writeDelta(run.resolve("delta.csv"), delta);
  }

  static Anchor pin(double tNew) {
    return new Anchor(tNew, truth(tNew), "");
  }

  @Test
  void pinsRepairTheRunsMarkersSplitsAndDeltaInItsFolder() throws IOException {
    String auto = Files.readString(run.resolve("timewarp.json"));
    RunRefit.Result r = RunRefit.refit(run, List.of(pin(20), pin(25)), FRAME);

    NewMarker drop = r.markers().get(1);
    assertThat(drop.tNew()).isCloseTo(22.5, within(FRAME));
    assertThat(MarkerCsv.readNew(run.resolve("new_markers.csv")).get(1).tNew())
        .isCloseTo(drop.tNew(), within(1e-3));
    // the reference's own comments, without the review notes of the transfer before
    assertThat(r.markers().get(0).comment()).isEqualTo("start");
    assertThat(r.markers().get(0).colour()).isEqualTo("red");
    assertThat(Files.readString(run.resolve(RunRefit.AUTO_TIMEWARP))).isEqualTo(auto);
    assertThat(Files.readString(run.resolve("timewarp.json")))
        .contains("\"camera\"", "\"anchors\"");
    assertThat(AnchorsCsv.read(run.resolve("anchors.csv"))).hasSize(2);
    assertThat(r.fit().pairs())
        .as("the unverified pair is not used")
        .noneMatch(p -> p.tNew() == 30 && p.tRef() == 10);

    List<String> splits = Files.readAllLines(run.resolve("splits.csv"));
    assertThat(splits).hasSize(4);
    String[] finish = splits.get(3).split(",");
    double metresFromGate = Double.parseDouble(finish[4]);
    assertThat(metresFromGate).isCloseTo(metres(truth(35)) - metres(truth(5)), within(0.2));
    List<DeltaTime.Point> delta = SplitsCsv.readDelta(run.resolve("delta.csv"));
    DeltaTime.Point first = delta.get(0);
    for (DeltaTime.Point p : delta) {
      if (!Double.isNaN(p.distanceM())) {
        assertThat(p.distanceM()).isCloseTo(metres(p.tRef()) - metres(first.tRef()), within(0.2));
      }
    }

    // a second refit keeps the sync's own warp, not the first refit's
    RunRefit.refit(run, List.of(pin(20)), FRAME);
    assertThat(Files.readString(run.resolve(RunRefit.AUTO_TIMEWARP))).isEqualTo(auto);
    assertThat(MarkerCsv.readNew(run.resolve("new_markers.csv")).get(0).comment())
        .isEqualTo("start");
  }

  @Test
  void pinsThatRunBackwardsWriteNothing() throws IOException {
    String before = Files.readString(run.resolve("timewarp.json"));
    assertThatThrownBy(
            () -> RunRefit.refit(run, List.of(pin(20), new Anchor(25, truth(19), "")), FRAME))
        .isInstanceOf(AnchorConflictException.class);
    assertThat(Files.readString(run.resolve("timewarp.json"))).isEqualTo(before);
    assertThat(run.resolve("anchors.csv")).doesNotExist();
    assertThat(run.resolve(RunRefit.AUTO_TIMEWARP)).doesNotExist();
  }

  @Test
  void theReviewNoteOfATransferComesOffAgain() {
    assertThat(MarkerTransfer.withoutReviewNote("review: low confidence")).isEmpty();
    assertThat(MarkerTransfer.withoutReviewNote("big one (review: uncertain by +-80 ms)"))
        .isEqualTo("big one");
    assertThat(MarkerTransfer.withoutReviewNote("rock (left)")).isEqualTo("rock (left)");
  }
}
