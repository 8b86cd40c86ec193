package dev.mtbsync.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ground truth of sample pairs, checked without rendering. */
class SynthPlanTest {

  @Test
  void sameSeedGivesByteIdenticalTruth() throws IOException {
    byte[] first = SynthPlan.of(SynthConfig.defaults(42)).truth().toJson();
    byte[] second = SynthPlan.of(SynthConfig.defaults(42)).truth().toJson();
    assertThat(second).isEqualTo(first);
    assertThat(SynthPlan.of(SynthConfig.defaults(43)).truth().toJson()).isNotEqualTo(first);
  }

  @Test
  void mappingCoversEveryNewFrameAndNeverRunsBackwards() {
    for (long seed = 1; seed <= 20; seed++) {
      SynthTruth t = SynthPlan.of(SynthConfig.defaults(seed)).truth();
      double[] tNew = t.mapping().tNew();
      double[] tRef = t.mapping().tRef();
      assertThat(tNew).hasSize((int) t.newRun().frames());
      for (int i = 1; i < tNew.length; i++) {
        assertThat(tNew[i] - tNew[i - 1]).isCloseTo(1 / t.newRun().fps(), within(2e-6));
        assertThat(tRef[i]).as("seed %d frame %d", seed, i).isGreaterThanOrEqualTo(tRef[i - 1]);
      }
      double first = t.validTNew()[0];
      double last = t.validTNew()[1];
      assertThat(first).isLessThan(last);
      assertThat(t.mapping().refTimeAt(first)).isBetween(0.0, t.ref().durationSec());
      assertThat(t.mapping().refTimeAt(last)).isBetween(0.0, t.ref().durationSec());
    }
  }

  @Test
  void newRunDiffersFromTheReferenceLikeARealSecondRun() {
    int stops = 0;
    int startsEarlier = 0;
    for (long seed = 1; seed <= 20; seed++) {
      SynthTruth t = SynthPlan.of(SynthConfig.defaults(seed)).truth();
      double[] tNew = t.mapping().tNew();
      double[] tRef = t.mapping().tRef();
      assertThat(Math.abs(tRef[0])).as("seed %d start offset", seed).isBetween(1.0, 4.0);
      startsEarlier += tRef[0] < 0 ? 1 : 0;
      // pace against the reference over 1 s windows: faster and slower sections
      double slowest = Double.MAX_VALUE;
      double fastest = 0;
      int window = (int) Math.round(t.newRun().fps());
      for (int i = window; i < tNew.length; i += window) {
        double pace = (tRef[i] - tRef[i - window]) / (tNew[i] - tNew[i - window]);
        if (t.stop() == null
            || tNew[i] < t.stop().start() - 1
            || tNew[i - window] > t.stop().end() + 1) {
          slowest = Math.min(slowest, pace);
        }
        fastest = Math.max(fastest, pace);
      }
      assertThat(slowest).as("seed %d slowest pace", seed).isLessThan(0.95);
      assertThat(fastest).as("seed %d fastest pace", seed).isGreaterThan(1.05);
      if (t.stop() != null) {
        stops++;
        double held =
            t.mapping().refTimeAt(t.stop().end()) - t.mapping().refTimeAt(t.stop().start());
        assertThat(held).as("reference time passing while the new rider stands").isLessThan(1e-3);
      }
    }
    assertThat(stops).as("runs with a stop among 20 seeds").isBetween(3, 17);
    assertThat(startsEarlier).as("runs starting before the reference").isBetween(3, 17);
  }

  @Test
  void markersAreSpreadOverTheRunAndTheirTruthFollowsTheMapping() {
    for (long seed = 1; seed <= 20; seed++) {
      SynthPlan plan = SynthPlan.of(SynthConfig.defaults(seed));
      SynthTruth t = plan.truth();
      assertThat(t.markers()).hasSizeBetween(6, 12);
      List<Double> times = new ArrayList<>();
      for (SynthTruth.MarkerTruth m : t.markers()) {
        assertThat(m.tRef()).isBetween(0.08 * 60, 0.92 * 60);
        times.add(m.tRef());
        if (m.tNew() != null) {
          assertThat(t.mapping().refTimeAt(m.tNew()))
              .as("seed %d marker %s", seed, m.name())
              .isCloseTo(m.tRef(), within(1e-3));
        }
      }
      assertThat(times).isSorted();
      assertThat(times.get(times.size() - 1) - times.get(0)).isGreaterThan(30);
    }
  }

  @Test
  void shortRunsStillOverlap() {
    SynthTruth t = SynthPlan.of(new SynthConfig(3, 2, 320, 180, 30, 30)).truth();
    assertThat(t.validTNew()[1] - t.validTNew()[0]).isGreaterThan(1);
  }
}
