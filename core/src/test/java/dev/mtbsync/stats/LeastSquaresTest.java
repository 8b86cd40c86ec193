package dev.mtbsync.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LeastSquaresTest {

  @Test
  void aLineThroughNoisyPointsRecoversTheirSlopeAndOffset() {
    SplittableRandom rng = new SplittableRandom(3);
    double[] x = new double[200];
    double[] y = new double[200];
    for (int i = 0; i < x.length; i++) {
      x[i] = i * 0.1;
      y[i] = 1.002 * x[i] + 4.5 + (rng.nextDouble() - 0.5) * 0.01;
    }
    double[] line = LeastSquares.line(x, y);
    assertThat(line[0]).isCloseTo(1.002, within(1e-4));
    assertThat(line[1]).isCloseTo(4.5, within(2e-3));
  }

  @Test
  void aLineNeedsTwoPointsApart() {
    assertThat(LeastSquares.line(new double[] {1}, new double[] {2})).isNull();
    assertThat(LeastSquares.line(new double[] {1, 1, 1}, new double[] {2, 3, 4})).isNull();
  }

  /** A weighted parabola through exact points is recovered whatever the weights. */
  @Test
  void aWeightedParabolaIsRecovered() {
    double[] x = {-1, -0.5, 0, 0.4, 0.9, 1.3};
    double[] y = new double[x.length];
    double[] w = {0.2, 1, 0.7, 0.05, 1, 0.4};
    for (int i = 0; i < x.length; i++) {
      y[i] = 3 - 0.5 * x[i] + 0.25 * x[i] * x[i];
    }
    double[] c = LeastSquares.polynomial(x, y, w, 2);
    assertThat(c).hasSize(3);
    assertThat(c[0]).isCloseTo(3, within(1e-12));
    assertThat(c[1]).isCloseTo(-0.5, within(1e-12));
    assertThat(c[2]).isCloseTo(0.25, within(1e-12));
  }

  /** The weights decide: a heavy point pulls a line through two groups towards itself. */
  @Test
  void weightsPullTheFit() {
    double[] x = {0, 0, 1};
    double[] y = {0, 1, 1};
    double[] even = LeastSquares.polynomial(x, y, new double[] {1, 1, 1}, 1);
    double[] heavy = LeastSquares.polynomial(x, y, new double[] {9, 1, 1}, 1);
    assertThat(even[0]).isCloseTo(0.5, within(1e-12));
    assertThat(heavy[0]).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void tooFewOrCoincidentPointsGiveNoPolynomial() {
    assertThat(
            LeastSquares.polynomial(
                new double[] {0, 1}, new double[] {0, 1}, new double[] {1, 1}, 2))
        .isNull();
    assertThat(
            LeastSquares.polynomial(
                new double[] {2, 2, 2}, new double[] {0, 1, 2}, new double[] {1, 1, 1}, 1))
        .isNull();
  }
}
