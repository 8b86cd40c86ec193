package dev.mtbsync.markers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mtbsync.align.MonotoneWarp;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkerTransferTest {

  /** New run covers reference 10..20 s at half speed, confidence dipping in the middle. */
  private final MonotoneWarp warp =
      new MonotoneWarp(
          new double[] {0, 10, 20}, new double[] {10, 15, 20}, new double[] {0.9, 0.3, 0.9});

  @Test
  void carriesMarkersThroughTheInverseWarp() {
    List<NewMarker> out =
        MarkerTransfer.transfer(List.of(new RefMarker("Jump", 12, "red", "big")), warp, 0.6);
    assertThat(out.get(0).tNew()).isCloseTo(4, within(1e-6));
    assertThat(out.get(0).confidence()).isCloseTo(0.66, within(1e-9));
    assertThat(out.get(0).needsReview()).isFalse();
    assertThat(out.get(0).comment()).isEqualTo("big");
  }

  @Test
  void flagsMarkersOutsideTheNewRunWithoutExtrapolating() {
    List<NewMarker> out =
        MarkerTransfer.transfer(List.of(new RefMarker("Start gate", 5, "", "")), warp, 0.6);
    assertThat(out.get(0).tNew()).isNaN();
    assertThat(out.get(0).needsReview()).isTrue();
    assertThat(out.get(0).comment()).contains("not in the new run's covered range");
  }

  @Test
  void flagsMarkersBelowTheReviewThresholdAndNotAbove() {
    RefMarker middle = new RefMarker("Berm", 15, "", "");
    assertThat(MarkerTransfer.transfer(List.of(middle), warp, 0.6).get(0).needsReview()).isTrue();
    assertThat(MarkerTransfer.transfer(List.of(middle), warp, 0.3).get(0).needsReview()).isFalse();
    assertThat(MarkerTransfer.transfer(List.of(middle), warp, 0.31).get(0).needsReview()).isTrue();
  }

  @Test
  void rejectsAThresholdOutsideZeroToOne() {
    assertThatThrownBy(() -> MarkerTransfer.transfer(List.of(), warp, 1.5))
        .hasMessage("review threshold must be 0 to 1, got 1.5");
  }

  /**
   * Same mapping as {@link #warp} with a knot every half second: known to +-5 ms (reference time),
   * and to +-100 ms between 9 and 11 s of the new run.
   */
  private final MonotoneWarp sure = sure();

  private static MonotoneWarp sure() {
    int n = 41;
    double[] tNew = new double[n];
    double[] tRef = new double[n];
    double[] conf = new double[n];
    double[] sigma = new double[n];
    for (int i = 0; i < n; i++) {
      tNew[i] = 0.5 * i;
      tRef[i] = 10 + tNew[i] / 2;
      conf[i] = 0.9;
      sigma[i] = tNew[i] >= 9 && tNew[i] <= 11 ? 0.1 : 0.005;
    }
    return new MonotoneWarp(tNew, tRef, conf, sigma);
  }

  @Test
  void givesEachMarkerANinetyPercentIntervalThroughTheSlope() {
    // at reference 12 s the new run is at 4 s; a new-run second covers half a reference second,
    // so the reference's +-5 ms become +-10 ms of new time
    NewMarker m =
        MarkerTransfer.transfer(List.of(new RefMarker("Jump", 12, "", "")), sure, 0.6).get(0);
    double half = MarkerTransfer.Z90 * 0.005 / 0.5;
    assertThat(m.tNewLo()).isCloseTo(4 - half, within(1e-4));
    assertThat(m.tNewHi()).isCloseTo(4 + half, within(1e-4));
  }

  @Test
  void flagsAMarkerWhoseIntervalIsWiderThanThreeFrames() {
    RefMarker nearEnd = new RefMarker("Gate", 19.9, "", "");
    RefMarker middle = new RefMarker("Berm", 15, "", "");
    double frame = 1 / 30.0;
    List<NewMarker> out = MarkerTransfer.transfer(List.of(nearEnd, middle), sure, 0.6, frame);
    assertThat(out.get(0).tNewHi() - out.get(0).tNewLo()).isLessThan(3 * frame);
    assertThat(out.get(0).needsReview()).isFalse();
    assertThat(out.get(1).tNewHi() - out.get(1).tNewLo()).isGreaterThan(3 * frame);
    assertThat(out.get(1).needsReview()).isTrue();
    assertThat(out.get(1).comment()).contains("uncertain by");
  }

  @Test
  void aMappingWithoutUncertaintyGivesNoInterval() {
    NewMarker m =
        MarkerTransfer.transfer(List.of(new RefMarker("Jump", 12, "", "")), warp, 0.6).get(0);
    assertThat(m.hasInterval()).isFalse();
  }
}
