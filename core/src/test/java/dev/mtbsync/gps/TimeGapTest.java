package dev.mtbsync.gps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.align.MonotoneWarp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run's gap and its best and worst sectors, from gates drawn with known sector times. */
class TimeGapTest {

  /** A gate whose sector took {@code ref} s on the reference and {@code neu} s on the new run. */
  static Splits.Gate gate(int n, String name, double ref, double neu, double refAt, double newAt) {
    return new Splits.Gate(n, name, refAt, newAt, Double.NaN, ref, neu, refAt, newAt, 0.9);
  }

  static final List<Splits.Gate> GATES =
      List.of(
          gate(1, "Start", Double.NaN, Double.NaN, 0, 0),
          gate(2, "Berm", 10, 9.6, 10, 9.6), // gained 0.4
          gate(3, "Step-down", 8, 11.19, 18, 20.79), // lost 3.19
          gate(4, "Rocks", 6, 5.9, 24, 26.69)); // gained 0.1

  @Test
  void theGapIsTheLastGatesRunningDeltaAndTheSectorsAreNamed() {
    TimeGap gap = TimeGap.of(GATES, List.of());
    assertThat(gap.seconds()).isCloseTo(2.69, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(gap.label()).isEqualTo("+2.69 s lost");
    assertThat(gap.span()).isEqualTo("Start to Rocks");
    assertThat(TimeGap.worstSector(GATES).name()).isEqualTo("Step-down");
    assertThat(TimeGap.bestSector(GATES).name()).isEqualTo("Berm");
  }

  @Test
  void noSectorGainedHasNoBestAndNoneLostHasNoWorst() {
    List<Splits.Gate> allLost = List.of(GATES.get(0), GATES.get(2));
    assertThat(TimeGap.bestSector(allLost)).isNull();
    List<Splits.Gate> allGained = List.of(GATES.get(0), GATES.get(1), GATES.get(3));
    assertThat(TimeGap.worstSector(allGained)).isNull();
    assertThat(TimeGap.bestSector(List.of(GATES.get(0))))
        .as("the first gate has no sector")
        .isNull();
  }

  @Test
  void theRunningGapIsEachGatesDeltaAtTheGateAndTheDeltaCurveBetween() {
    // a warp through the gates (new time -> reference time), with a stop of the new rider
    MonotoneWarp warp =
        new MonotoneWarp(
            new double[] {0, 9.6, 14, 16, 20.79, 26.69},
            new double[] {0, 10, 14.2, 14.2 + 1e-4, 18, 24},
            new double[] {0.9, 0.9, 0.9, 0.9, 0.9, 0.9});
    for (Splits.Gate g : GATES) {
      assertThat(TimeGap.runningAt(warp, GATES.get(0), g.tNew()))
          .as(g.name())
          .isCloseTo(g.deltaSec(), org.assertj.core.data.Offset.offset(1e-9));
    }
    List<DeltaTime.Point> curve =
        TimeGap.fromFirstGate(DeltaTime.curve(warp, null, null), GATES.get(0).tRef());
    assertThat(curve).hasSizeGreaterThan(40);
    for (DeltaTime.Point p : curve) {
      assertThat(TimeGap.runningAt(warp, GATES.get(0), p.tNew()))
          .as("at new time %.2f s", p.tNew())
          .isCloseTo(p.deltaSec(), org.assertj.core.data.Offset.offset(0.002));
    }
    assertThat(TimeGap.runningAt(warp, GATES.get(0), 27)).as("past the warp").isNaN();
  }
}
