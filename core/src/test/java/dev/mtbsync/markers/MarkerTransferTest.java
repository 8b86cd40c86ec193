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
}
