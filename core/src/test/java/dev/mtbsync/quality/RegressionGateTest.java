package dev.mtbsync.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtbsync.config.ConfigException;
import dev.mtbsync.quality.RegressionVerdict.Status;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegressionGateTest {

  static QualityRecord run(String id, double p90, double ppm, double inlier) {
    return new QualityRecord(id, null, "new.mp4", p90, ppm, inlier, 100.0, null, null, null, null);
  }

  /** {@code n} identical runs: P90 1.0 s, 200 ppm, inlier fraction 0.8. */
  static List<QualityRecord> steady(int n) {
    List<QualityRecord> h = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      h.add(run("r" + i, 1.0, 200, 0.8));
    }
    return h;
  }

  static Status judge(double p90, double ppm, double inlier) {
    return RegressionGate.evaluate(
            run("now", p90, ppm, inlier), steady(20), RegressionThresholds.DEFAULT)
        .status();
  }

  // Defaults against a baseline of P90 1.0 s, 200 ppm, inlier 0.8:
  // P90 limit max(0.25 x 1.0, 0.25) = 0.25 s; PPM limit max(0.25 x 200, 150) = 150;
  // inlier limit max(0.15 x 0.8, 0.05) = 0.12. Fail at twice each.
  @ParameterizedTest(name = "p90 {0} -> {1}")
  @CsvSource({
    "1.0, OK",
    "1.25, OK", // exactly at the warn limit passes
    "1.2501, WARN",
    "1.5, WARN", // exactly at the fail limit is still a warning
    "1.5001, FAIL",
    "0.2, OK" // better is never a regression
  })
  void p90EdgesOfTheThresholds(double p90, Status expected) {
    assertThat(judge(p90, 200, 0.8)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "ppm {0} -> {1}")
  @CsvSource({"350, OK", "350.1, WARN", "500, WARN", "500.1, FAIL", "-350, OK", "-350.1, WARN"})
  void ppmIsJudgedBySizeWithTheAbsoluteFloor(double ppm, Status expected) {
    assertThat(judge(1.0, ppm, 0.8)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "inlier {0} -> {1}")
  @CsvSource({"0.68, OK", "0.6799, WARN", "0.56, WARN", "0.5599, FAIL", "0.95, OK"})
  void inlierFractionRegressesWhenItDrops(double inlier, Status expected) {
    assertThat(judge(1.0, 200, inlier)).isEqualTo(expected);
  }

  @Test
  void thePercentageWinsOverTheAbsoluteOnALargeBaseline() {
    List<QualityRecord> h = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      h.add(run("r" + i, 4.0, 2000, 0.8));
    }
    // P90 limit max(0.25 x 4, 0.25) = 1.0 s; PPM limit max(0.25 x 2000, 150) = 500
    RegressionThresholds t = RegressionThresholds.DEFAULT;
    assertThat(RegressionGate.evaluate(run("a", 5.0, 2500, 0.8), h, t).status())
        .isEqualTo(Status.OK);
    assertThat(RegressionGate.evaluate(run("b", 5.01, 2000, 0.8), h, t).status())
        .isEqualTo(Status.WARN);
    assertThat(RegressionGate.evaluate(run("c", 4.0, 2501, 0.8), h, t).status())
        .isEqualTo(Status.WARN);
  }

  @Test
  void theWorstMetricSetsTheStatusAndEachGivesAReason() {
    RegressionVerdict v =
        RegressionGate.evaluate(
            run("now", 1.35, 800, 0.7), steady(50), RegressionThresholds.DEFAULT);
    assertThat(v.status()).isEqualTo(Status.FAIL);
    assertThat(v.reasons())
        .containsExactly(
            "P90 regression: 1.350 s vs baseline 1.000 s (+35.0%)",
            "PPM regression (severe): 800 vs baseline 200 (+300.0%)");
    assertThat(v.baseline()).containsEntry("p90_sec", 1.0).containsEntry("inlier_frac", 0.8);
    assertThat(v.deltas().get("p90_sec")).isCloseTo(0.35, Offset.offset(1e-12));
    assertThat(v.baselineWindow()).isEqualTo(50);
    assertThat(v.historySize()).isEqualTo(50);
    assertThat(v.runId()).isEqualTo("now");
  }

  @Test
  void learnsBelowTenRunsAndGatesFromTen() {
    QualityRecord awful = run("now", 9.0, 90000, 0.1);
    RegressionVerdict nine =
        RegressionGate.evaluate(awful, steady(9), RegressionThresholds.DEFAULT);
    assertThat(nine.status()).isEqualTo(Status.LEARNING);
    assertThat(nine.reasons())
        .containsExactly("learning: 9 runs in history, 10 needed before gating");
    assertThat(nine.baseline()).containsEntry("p90_sec", 1.0);
    assertThat(RegressionGate.evaluate(awful, steady(10), RegressionThresholds.DEFAULT).status())
        .isEqualTo(Status.FAIL);
    RegressionVerdict first =
        RegressionGate.evaluate(awful, List.of(), RegressionThresholds.DEFAULT);
    assertThat(first.status()).isEqualTo(Status.LEARNING);
    assertThat(first.baseline()).isEmpty();
    assertThat(first.baselineWindow()).isZero();
  }

  @Test
  void theBaselineIsTheMedianOfTheNewestWindow() {
    List<QualityRecord> h = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      h.add(run("old" + i, 10.0, 200, 0.8)); // out of the window
    }
    for (int i = 0; i < 10; i++) {
      h.add(run("new" + i, i < 4 ? 3.0 : 1.0, 200, 0.8)); // median 1.0 despite the spikes
    }
    RegressionThresholds t = new RegressionThresholds(10, 10, 0.25, 0.25, 0.25, 150, 0.15, 0.05, 2);
    RegressionVerdict v = RegressionGate.evaluate(run("now", 1.0, 200, 0.8), h, t);
    assertThat(v.baseline().get("p90_sec")).isEqualTo(1.0);
    assertThat(v.baselineWindow()).isEqualTo(10);
    assertThat(v.historySize()).isEqualTo(40);
  }

  @Test
  void aMissingMetricIsNotJudged() {
    QualityRecord noP90 =
        new QualityRecord("now", null, null, null, 200.0, 0.8, null, null, null, null, null);
    RegressionVerdict v = RegressionGate.evaluate(noP90, steady(20), RegressionThresholds.DEFAULT);
    assertThat(v.status()).isEqualTo(Status.OK);
    assertThat(v.deltas()).doesNotContainKey("p90_sec");
  }

  @Test
  void thresholdsAreCheckedOnce() {
    assertThatThrownBy(
            () -> new RegressionThresholds(0, 10, 0.25, 0.25, 0.25, 150, 0.15, 0.05, 2).validate())
        .hasMessage("regression window must be 1 to 2000 runs, got 0");
    assertThatThrownBy(
            () -> new RegressionThresholds(50, 10, -1, 0.25, 0.25, 150, 0.15, 0.05, 2).validate())
        .isInstanceOf(ConfigException.class)
        .hasMessage("regression p90 pct must be a number >= 0, got -1.0");
    assertThatThrownBy(
            () ->
                new RegressionThresholds(50, 10, 0.25, 0.25, 0.25, Double.NaN, 0.15, 0.05, 2)
                    .validate())
        .hasMessageStartingWith("regression ppm abs must be");
  }
}
