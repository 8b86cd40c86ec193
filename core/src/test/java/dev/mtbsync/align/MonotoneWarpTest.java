package dev.mtbsync.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MonotoneWarpTest {

  private final MonotoneWarp warp =
      new MonotoneWarp(
          new double[] {0, 1, 2, 3, 4, 5},
          new double[] {10, 11.2, 12, 12, 13.5, 14},
          new double[] {1, 1, 0.5, 0.5, 1, 1});

  @Test
  void passesThroughItsKnotsAndNeverRunsBackwards() {
    for (int k = 0; k < 6; k++) {
      assertThat(warp.map(k)).isCloseTo(warp.tRef()[k], within(1e-12));
    }
    double last = Double.NEGATIVE_INFINITY;
    for (double t = -1; t <= 6; t += 0.001) {
      double r = warp.map(t);
      assertThat(r).isGreaterThanOrEqualTo(last);
      last = r;
    }
  }

  @Test
  void holdsStillWhereTheRiderStops() {
    assertThat(warp.map(2.5)).isCloseTo(12, within(1e-12));
  }

  @Test
  void inverseUndoesTheMappingAndTakesTheFirstArrivalOnAStop() {
    for (double t = 0; t <= 5; t += 0.05) {
      if (t > 2 && t <= 3) {
        continue; // the stop: every t there maps to 12
      }
      assertThat(warp.inverse(warp.map(t))).isCloseTo(t, within(1e-6));
    }
    assertThat(warp.inverse(12)).isCloseTo(2, within(1e-6));
  }

  @Test
  void saysWhenAReferenceTimeIsNotCovered() {
    assertThat(warp.inverse(9.99)).isNaN();
    assertThat(warp.inverse(14.01)).isNaN();
    assertThat(warp.confidenceAt(-0.1)).isZero();
    assertThat(warp.confidenceAt(2.5)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void refusesKnotsThatRunBackwards() {
    assertThatThrownBy(
            () -> new MonotoneWarp(new double[] {0, 1}, new double[] {5, 4}, new double[] {1, 1}))
        .hasMessageContaining("must increase");
  }

  @Test
  void uncertaintyGrowsInsideAStretchWithoutPairs() {
    MonotoneWarp w =
        new MonotoneWarp(
            new double[] {0, 0.5, 1, 5, 5.5},
            new double[] {0, 0.5, 1, 5, 5.5},
            new double[] {1, 1, 1, 1, 1},
            new double[] {0.01, 0.01, 0.01, 0.01, 0.01});
    assertThat(w.sigmaAt(0.75)).isCloseTo(0.01, org.assertj.core.api.Assertions.within(1e-12));
    // a 4 s gap: 5 % of it in the middle, added in quadrature to the knots' own
    assertThat(w.sigmaAt(3))
        .isCloseTo(Math.hypot(0.01, 0.2), org.assertj.core.api.Assertions.within(1e-9));
    assertThat(w.sigmaAt(1.5)).isLessThan(w.sigmaAt(3));
    assertThat(w.sigmaAt(6)).isNaN();
    assertThat(
            new MonotoneWarp(new double[] {0, 1}, new double[] {0, 1}, new double[] {1, 1})
                .hasSigma())
        .isFalse();
  }
}
