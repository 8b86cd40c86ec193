package dev.mtbsync.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of placing a moment: the valley's vertex, its error, which moments to trust. */
class MomentRefinerTest {

  private static List<double[]> parabola(double vertex, double[] noise) {
    List<double[]> pts = new ArrayList<>();
    for (int i = 0; i < noise.length; i++) {
      double x = (i - noise.length / 2) / 60.0;
      pts.add(new double[] {x, 0.02 + 40 * (x - vertex) * (x - vertex) + noise[i]});
    }
    return pts;
  }

  @Test
  void anExactValleyGivesItsVertexWithNoError() {
    double[] v = MomentRefiner.parabolaVertex(parabola(0.013, new double[9]));
    assertThat(v[0]).isCloseTo(0.013, within(1e-9));
    assertThat(v[1]).isLessThan(1e-9);
  }

  @Test
  void aNoisyValleyGivesAnErrorThatGrowsWithTheNoise() {
    double[] small = {1e-4, -2e-4, 1e-4, 0, -1e-4, 2e-4, -1e-4, 1e-4, -2e-4};
    double[] large = Arrays.stream(small).map(n -> 10 * n).toArray();
    double[] a = MomentRefiner.parabolaVertex(parabola(0.013, small));
    double[] b = MomentRefiner.parabolaVertex(parabola(0.013, large));
    assertThat(a[0]).isCloseTo(0.013, within(0.002));
    assertThat(a[1]).isGreaterThan(0);
    assertThat(b[1]).isGreaterThan(5 * a[1]);
  }

  @Test
  void noVertexWithoutAValleyInsideThePoints() {
    List<double[]> hill = new ArrayList<>();
    List<double[]> slope = new ArrayList<>();
    for (int i = -4; i <= 4; i++) {
      hill.add(new double[] {i, 1 - i * i});
      slope.add(new double[] {i, 0.1 * (i - 9) * (i - 9)}); // vertex at 9, outside -4..4
    }
    assertThat(MomentRefiner.parabolaVertex(hill)).isNull();
    assertThat(MomentRefiner.parabolaVertex(slope)).isNull();
    assertThat(MomentRefiner.parabolaVertex(parabola(0, new double[4]))).as("4 points").isNull();
  }

  private static MomentRefiner.Moment residual(double r) {
    return new MomentRefiner.Moment(1, 0.001, r, 9);
  }

  @Test
  void momentsThatAlignFarWorseThanTheRunsOthersAreNotTrusted() {
    List<MomentRefiner.Moment> moments =
        Arrays.asList(
            residual(0.0010),
            residual(0.0012),
            residual(0.0009),
            residual(0.0006),
            residual(0.017), // the zoomed road clip's last marker, placed past the run's end
            null,
            residual(0.0030)); // within 4x the median plus the slack
    assertThat(MomentRefiner.trusted(moments))
        .containsExactly(true, true, true, true, false, false, true);
  }

  @Test
  void aRunWhosePicturesNeverAlignIsNotTrustedAtAll() {
    // a lens left in the picture: every moment's residual is high, so the median is no guide
    List<MomentRefiner.Moment> moments =
        List.of(residual(0.065), residual(0.099), residual(0.086), residual(0.075));
    assertThat(MomentRefiner.trusted(moments)).containsOnly(false);
  }

  @Test
  void theErrorSpreadsOverMoreOfTheNewRunWhereItMovesSlower() {
    MomentRefiner.Moment m = new MomentRefiner.Moment(1, 0, 0.02, 9);
    double atSameSpeed = m.errorSec(1);
    assertThat(m.errorSec(0.5)).isCloseTo(2 * atSameSpeed, within(1e-12));
    assertThat(m.errorSec(0.01)).as("a stop is spread at most 5x").isEqualTo(m.errorSec(0.2));
    assertThat(atSameSpeed)
        .isCloseTo(MomentRefiner.FLOOR_SEC + MomentRefiner.RESIDUAL_SEC * 0.02, within(1e-12));
  }
}
