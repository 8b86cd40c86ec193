package dev.mtbsync.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScaleCorrectionTest {

  @Test
  void movesThePairToWhereTheHomographysZoomIsTheCamerasOwn() {
    // the peak at 10.0 s shows zoom 1.25, falling by 0.5 a second: 1.20 is reached 0.1 s later
    double[] trend = {0, 10.0, 1.25, -0.5, 0.1};
    assertThat(PairFinder.scaleCorrected(10.02, trend, 1.20)).isCloseTo(10.1, within(1e-9));
  }

  @Test
  void movesNoFurtherThanOneSample() {
    double[] trend = {0, 10.0, 1.40, -0.5, 0.1};
    assertThat(PairFinder.scaleCorrected(10.02, trend, 1.20)).isCloseTo(10.1, within(1e-9));
  }

  @Test
  void leavesThePairWhereTheZoomDoesNotChangeWithTime() {
    // a rider standing still: the zoom is the same at every sample and says nothing of the moment
    double[] trend = {0, 10.0, 1.25, -0.01, 0.1};
    assertThat(PairFinder.scaleCorrected(10.02, trend, 1.20)).isEqualTo(10.02);
  }
}
