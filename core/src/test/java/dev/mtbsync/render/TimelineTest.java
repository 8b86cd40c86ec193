package dev.mtbsync.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.gps.DeltaTime;
import dev.mtbsync.markers.NewMarker;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison's clock on a known warp: re-timing, coverage, gap, sectors and gates. */
class TimelineTest {

  /** Covers new times 2 to 20 s; the new run is slower in the middle (slope below 1). */
  static MonotoneWarp warp() {
    int n = 37;
    double[] tNew = new double[n];
    double[] tRef = new double[n];
    double[] conf = new double[n];
    for (int i = 0; i < n; i++) {
      tNew[i] = 2 + i * 0.5;
      tRef[i] = 1 + 0.9 * (tNew[i] - 2) + 0.3 * Math.sin(tNew[i] / 3);
      conf[i] = 0.9;
    }
    return new MonotoneWarp(tNew, tRef, conf);
  }

  static final List<NewMarker> MARKERS =
      List.of(
          new NewMarker("Start", 2.0, warp().inverse(2.0), 0.9, false, "", ""),
          new NewMarker("Berm", 8.0, warp().inverse(8.0), 0.9, false, "", ""),
          new NewMarker("Finish", 14.0, warp().inverse(14.0), 0.9, false, "", ""),
          new NewMarker("Beyond", 30.0, Double.NaN, 0, true, "", ""));

  @Test
  void followingTheNewRunMapsThroughTheWarpAndOnlyWhereItCovers() {
    Timeline tl = Timeline.of(warp(), MARKERS, Follow.NEW, 24, null, null);
    assertThat(tl.start()).isZero();
    assertThat(tl.end()).isEqualTo(24);
    assertThat(tl.at(7.3).tRef()).isCloseTo(warp().map(7.3), within(1e-12));
    assertThat(tl.at(1.9).covered()).isFalse();
    assertThat(tl.at(1.9).tRef()).isNaN();
    assertThat(tl.at(20.1).covered()).isFalse();
    assertThat(tl.at(20.1).tNew()).isEqualTo(20.1);
  }

  @Test
  void followingTheReferenceMapsThroughTheInverse() {
    Timeline tl = Timeline.of(warp(), MARKERS, Follow.REFERENCE, 18, null, null);
    double tNew = tl.at(6.0).tNew();
    assertThat(warp().map(tNew)).isCloseTo(6.0, within(1e-6));
    assertThat(tl.at(0.5).covered()).isFalse();
    assertThat(tl.at(0.5).tRef()).isEqualTo(0.5);
  }

  @Test
  void theGapIsTheDeltaTimeCurveOfTheRun() {
    Timeline tl = Timeline.of(warp(), MARKERS, Follow.NEW, 24, null, null);
    for (DeltaTime.Point p : DeltaTime.curve(warp(), null, null)) {
      Moment m = tl.at(p.tNew());
      assertThat(m.gapSec()).as("at new %.2f s", p.tNew()).isCloseTo(p.deltaSec(), within(2e-3));
      assertThat(m.elapsedNew() - m.elapsedRef()).isEqualTo(m.gapSec());
    }
    assertThat(tl.at(2.0).gapSec()).isZero();
    // slope 0.9 plus the wave: the new run loses time, shown as a positive gap
    assertThat(tl.at(12).gapSec()).isPositive();
    assertThat(Hud.gap(tl.at(12).gapSec())).matches("\\+\\d\\.\\d\\d s");
    assertThat(Hud.gap(-0.404)).isEqualTo("-0.40 s");
    assertThat(Hud.gap(0.001)).isEqualTo("+0.00 s");
  }

  @Test
  void fromAndToGatesSetTheRangeAndTheSharedStart() {
    Timeline tl = Timeline.of(warp(), MARKERS, Follow.NEW, 24, "berm", "Finish");
    assertThat(tl.start()).isEqualTo(MARKERS.get(1).tNew());
    assertThat(tl.end()).isEqualTo(MARKERS.get(2).tNew());
    Moment atBerm = tl.at(tl.start());
    assertThat(atBerm.elapsedNew()).isZero();
    assertThat(atBerm.elapsedRef()).isCloseTo(0, within(1e-6));
    Timeline byRef = Timeline.of(warp(), MARKERS, Follow.REFERENCE, 24, "Berm", null);
    assertThat(byRef.start()).isEqualTo(8.0);
  }

  @Test
  void unknownOrUnreachedGatesAndEmptyRangesAreRefusedWithTheMarkersNamed() {
    assertThatThrownBy(() -> Timeline.of(warp(), MARKERS, Follow.NEW, 24, "Drop", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("from gate 'Drop' is not a marker (markers: Start, Berm, Finish, Beyond)");
    assertThatThrownBy(() -> Timeline.of(warp(), MARKERS, Follow.NEW, 24, null, "Beyond"))
        .hasMessage("to gate 'Beyond' is not reached by both runs");
    assertThatThrownBy(() -> Timeline.of(warp(), MARKERS, Follow.NEW, 24, "Finish", "Berm"))
        .hasMessageContaining("is empty");
  }

  @Test
  void sectorsAndTheGateJustPassedFollowTheMarkers() {
    Timeline tl = Timeline.of(warp(), MARKERS, Follow.REFERENCE, 18, null, null);
    assertThat(tl.at(1.0).sector()).isEqualTo("START  to Start");
    assertThat(tl.at(5.0).sector()).isEqualTo("SECTOR 1/2  Start > Berm");
    assertThat(tl.at(9.0).sector()).isEqualTo("SECTOR 2/2  Berm > Finish");
    assertThat(tl.at(15.0).sector()).isEqualTo("FINISH  after Finish");
    assertThat(tl.at(7.9).passed()).isNull();
    Moment.Passing berm = tl.at(8.5).passed();
    assertThat(berm.name()).isEqualTo("Berm");
    double newSector = MARKERS.get(1).tNew() - MARKERS.get(0).tNew();
    assertThat(berm.sectorDeltaSec()).isCloseTo(newSector - 6.0, within(1e-9));
    assertThat(tl.at(8 + Timeline.HOLD_SEC + 0.01).passed()).isNull();
    assertThat(tl.at(2.5).passed().sectorDeltaSec()).isNaN(); // the first gate has no sector
  }
}
