package dev.mtbsync.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Views drawn with a known lens difference: new points spread over a 960x540 picture, seen in the
 * reference through a homography of the camera difference (zoom, roll, shift, varied per view)
 * after the lens is taken out, with half a pixel of noise and a share of wrong matches.
 */
class LensEstimatorTest {

  private static final int W = 960;
  private static final int H = 540;

  /**
   * @param radial the reference-projection radius factor of a new point at normalised radius r (r:
   *     distance from the centre over the half-diagonal)
   */
  private static List<float[]> views(DoubleUnaryOperator radial, long seed) {
    return views(radial, seed, 0.15);
  }

  /** As above, with {@code wrong} the share of wrong matches. */
  private static List<float[]> views(DoubleUnaryOperator radial, long seed, double wrong) {
    SplittableRandom rng = new SplittableRandom(seed);
    double norm = 0.5 * Math.hypot(W, H);
    List<float[]> views = new ArrayList<>();
    for (int v = 0; v < 8; v++) {
      double zoom = 1.1 + 0.02 * rng.nextGaussian();
      double roll = Math.toRadians(1.5 + 0.5 * rng.nextGaussian());
      double sx = 10 * rng.nextGaussian();
      double sy = 10 * rng.nextGaussian();
      int n = 250;
      float[] p = new float[4 * n];
      for (int i = 0; i < n; i++) {
        double x = rng.nextDouble(0, W);
        double y = rng.nextDouble(0, H);
        double dx = x - W / 2.0;
        double dy = y - H / 2.0;
        double r = Math.hypot(dx, dy) / norm;
        double f = radial.applyAsDouble(r);
        double ux = dx * f / zoom;
        double uy = dy * f / zoom;
        double rx = W / 2.0 + sx + Math.cos(roll) * ux - Math.sin(roll) * uy;
        double ry = H / 2.0 + sy + Math.sin(roll) * ux + Math.cos(roll) * uy;
        if (rng.nextDouble() < wrong) { // a wrong match
          rx = rng.nextDouble(0, W);
          ry = rng.nextDouble(0, H);
        }
        p[4 * i] = (float) x;
        p[4 * i + 1] = (float) y;
        p[4 * i + 2] = (float) (rx + 0.5 * rng.nextGaussian());
        p[4 * i + 3] = (float) (ry + 0.5 * rng.nextGaussian());
      }
      views.add(p);
    }
    return views;
  }

  private static DoubleUnaryOperator division(double k) {
    return r -> 1 / (1 + k * r * r);
  }

  @Test
  void recoversABarrelLensOfTheDivisionModel() {
    LensFit fit = LensEstimator.estimate(views(division(-0.45), 1), W, H, 3);
    assertThat(fit.applied()).isTrue();
    assertThat(fit.k()).isCloseTo(-0.45, within(0.01));
    assertThat(fit.rmsFitPx()).isLessThan(0.5 * fit.rmsNonePx());
  }

  @Test
  void recoversAPincushionLensOfTheDivisionModel() {
    LensFit fit = LensEstimator.estimate(views(division(0.2), 2), W, H, 3);
    assertThat(fit.applied()).isTrue();
    assertThat(fit.k()).isCloseTo(0.2, within(0.01));
  }

  @Test
  void ffmpegsLensCorrectionOnTheNewRunIsAPositiveK() {
    // lenscorrection=k1=-0.2:k2=-0.02 samples the clip at r (1 + k1 r^2 + k2 r^4): a scene point
    // the new run shows at r sits at that radius in the untouched reference
    LensFit fit =
        LensEstimator.estimate(views(r -> 1 - 0.2 * r * r - 0.02 * r * r * r * r, 3), W, H, 3);
    assertThat(fit.applied()).isTrue();
    assertThat(fit.k()).isBetween(0.17, 0.32);
    assertThat(fit.rmsFitPx()).isLessThan(0.7 * fit.rmsNonePx());
  }

  @Test
  void theSameLensEstimatesNothingAndIsNotApplied() {
    LensFit fit = LensEstimator.estimate(views(r -> 1, 4), W, H, 3);
    assertThat(fit.searched()).isTrue();
    assertThat(fit.kFound()).isCloseTo(0, within(0.01));
    assertThat(fit.applied()).isFalse();
    assertThat(fit.k()).isZero();
  }

  @Test
  void tooFewViewsAreNoEstimate() {
    LensFit fit = LensEstimator.estimate(views(division(-0.45), 5).subList(0, 2), W, H, 3);
    assertThat(fit.searched()).isFalse();
    assertThat(fit.k()).isZero();
    assertThat(fit.views()).isEqualTo(2);
  }

  @Test
  void undistortingKeepsTheCentreAndMovesCornersByTheModel() {
    RadialLens lens = new RadialLens(-0.45, W, H);
    float[] moved = lens.undistortKeypoints(new float[] {480, 270, 10, 7, 960, 540, 20, 9});
    assertThat(moved[0]).isCloseTo(480f, within(1e-4f));
    assertThat(moved[1]).isCloseTo(270f, within(1e-4f));
    assertThat(moved[2]).isEqualTo(10f); // angle and size untouched
    assertThat(moved[3]).isEqualTo(7f);
    // a corner: r = 1, moved out by 1 / (1 - 0.45)
    assertThat(moved[4]).isCloseTo((float) (480 + 480 / 0.55), within(1e-2f));
    assertThat(moved[5]).isCloseTo((float) (270 + 270 / 0.55), within(1e-2f));
  }

  @Test
  void theFilesLensModesSetHowClearTheFitMustBe() {
    // a mild lens among many wrong matches (as on a fast synth ride): a small share of the cost
    List<float[]> weak = views(division(-0.04), 6, 0.4);
    LensFit unknown = LensEstimator.estimate(weak, W, H, 3, LensPrior.UNKNOWN);
    LensFit same = LensEstimator.estimate(weak, W, H, 3, new LensPrior("W", "W"));
    LensFit differ = LensEstimator.estimate(weak, W, H, 3, new LensPrior("W", "L"));
    assertThat(unknown.kFound()).isCloseTo(-0.04, within(0.01));
    double gain = 1 - Math.pow(unknown.rmsFitPx() / unknown.rmsNonePx(), 2);
    assertThat(gain).as("share of the cost the lens takes away").isBetween(0.01, 0.25);
    assertThat(unknown.applied()).isTrue();
    assertThat(same.applied()).as("both files say W: a weak fit does not overrule them").isFalse();
    assertThat(differ.applied()).isTrue();
    assertThat(differ.telemetry()).isEqualTo("W vs L");
    assertThat(unknown.telemetry()).isNull();
  }
}
