package dev.mtbsync.gps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mtbsync.Progress;
import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.match.MatchConfig;
import dev.mtbsync.runs.SyncPipeline;
import dev.mtbsync.runs.SyncRequest;
import dev.mtbsync.runs.SyncResult;
import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthPlan;
import dev.mtbsync.synth.SynthRenderer;
import dev.mtbsync.synth.SynthTruth;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rider's one line about a run: its worst sector and its stops, against a synth's truth. */
class RunRecapTest {

  @TempDir Path dir;

  /** The first seed whose new rider stops on the trail. */
  static SynthConfig withAStop() {
    for (long seed = 1; ; seed++) {
      SynthConfig c = new SynthConfig(seed, 12, 480, 270, 30, 30);
      if (SynthPlan.of(c).truth().stop() != null) {
        return c;
      }
    }
  }

  @Test
  void aSyncedRunNamesItsWorstSectorAndTheStopTheSynthRiderMade() throws IOException {
    SynthConfig config = withAStop();
    Path pair = dir.resolve("pair");
    SynthRenderer.render(config, pair, Progress.NONE);
    SynthTruth truth = SynthTruth.read(pair.resolve("truth.json"));
    SyncResult r =
        SyncPipeline.run(
            new SyncRequest(
                pair.resolve("ref.mp4"),
                pair.resolve("new.mp4"),
                null,
                pair.resolve("ref_markers.csv"),
                dir.resolve("root"),
                OrbConfig.DEFAULT,
                new OrbConfig(3, 960, 500, false),
                MatchConfig.defaults(),
                WarpConfig.DEFAULT,
                0.6),
            Progress.NONE);
    assertThat(r.ok()).as(String.join("; ", r.problems())).isTrue();

    RunRecap recap = RunRecap.of(r.splits(), r.warp());

    assertThat(recap.worst()).isEqualTo(TimeGap.worstSector(r.splits()));
    assertThat(recap.stops()).as("stops found, truth %s", truth.stop()).hasSize(1);
    RunRecap.Stop stop = recap.stops().get(0);
    System.out.printf(
        "RunRecapTest: seed %d, true stop %.2f-%.2f s, found %.2f s for %.2f s; %s%n",
        config.seed(),
        truth.stop().start(),
        truth.stop().end(),
        stop.atSec(),
        stop.seconds(),
        recap.line());
    double truthLength = truth.stop().end() - truth.stop().start();
    // the rider eases to a halt over 0.8 s either side, so the flat stretch begins a little before
    // the full halt and ends a little after it
    assertThat(stop.atSec()).as("stop begins (s)").isCloseTo(truth.stop().start(), within(0.5));
    assertThat(stop.seconds()).as("stop lasts (s)").isCloseTo(truthLength, within(0.7));
    assertThat(recap.line())
        .contains(String.format(java.util.Locale.ROOT, "stopped about %.1f s", stop.seconds()));
    if (recap.worst() != null) {
      assertThat(recap.line()).startsWith("lost most in " + recap.worst().name() + ": +");
    }
  }

  @Test
  void aSteadyRunWithoutLossesSaysThereIsNothingNotable() {
    // the new rider 10 % quicker all the way: gains in every sector, never stands
    MonotoneWarp warp =
        new MonotoneWarp(
            new double[] {0, 5, 10, 15, 20},
            new double[] {0, 5.5, 11, 16.5, 22},
            new double[] {1, 1, 1, 1, 1});
    List<Splits.Gate> gates =
        List.of(
            TimeGapTest.gate(1, "Start", Double.NaN, Double.NaN, 1.1, 1),
            TimeGapTest.gate(2, "Berm", 11, 10, 12.1, 11));
    RunRecap recap = RunRecap.of(gates, warp);
    assertThat(recap.stops()).isEmpty();
    assertThat(recap.line()).isEqualTo("nothing notable: no sector lost time, no stops");
    assertThat(RunRecap.of(List.of(), null).line())
        .isEqualTo("nothing notable: no stops (no split times to compare sectors)");
  }

  @Test
  void aFlatStretchInsideTheWarpIsAStopAndOneAtItsEndIsNot() {
    // stands from 6 s to 8 s of the new video, and again from 18 s to the end
    MonotoneWarp warp =
        new MonotoneWarp(
            new double[] {0, 6, 8, 18, 20},
            new double[] {0, 6, 6, 16, 16},
            new double[] {1, 1, 1, 1, 1});
    List<RunRecap.Stop> stops = RunRecap.of(List.of(), warp).stops();
    assertThat(stops).hasSize(1);
    // the monotone cubic eases into and out of the flat knots, so the stretch is a little wider
    assertThat(stops.get(0).atSec()).isCloseTo(6, within(0.5));
    assertThat(stops.get(0).seconds()).isBetween(2.0, 3.0);
  }
}
