package dev.mtbsync.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CameraEstimatorTest {

  /** Homography new px -> reference px of a camera zoomed by {@code zoom}, rolled and shifted. */
  private static double[] camera(
      double zoom, double rollDeg, double dx, double dy, int w, int h, int nw, int nh) {
    double s = (double) w / nw / zoom; // reference px per new px
    double c = Math.cos(Math.toRadians(rollDeg)) * s;
    double n = Math.sin(Math.toRadians(rollDeg)) * s;
    // x_ref - centre_ref = R s (x_new - centre_new) + (dx, dy)
    double cx = nw / 2.0;
    double cy = nh / 2.0;
    return new double[] {
      c, -n, w / 2.0 + dx - (c * cx - n * cy), n, c, h / 2.0 + dy - (n * cx + c * cy), 0, 0, 1
    };
  }

  @Test
  void recoversZoomRollAndShiftOfOneCameraAgainstAnother() {
    CameraEstimator e = new CameraEstimator(960, 540, 960, 540);
    e.add(camera(1.2, 2.0, 19.2, -10.8, 960, 540, 960, 540));
    CameraDifference d = e.estimate();
    assertThat(d.zoom()).isCloseTo(1.2, within(1e-9));
    assertThat(d.rollDeg()).isCloseTo(2.0, within(1e-9));
    assertThat(d.shiftX()).isCloseTo(0.02, within(1e-9));
    assertThat(d.shiftY()).isCloseTo(-0.02, within(1e-9));
    assertThat(d.source()).isEqualTo("estimated");
  }

  @Test
  void aNarrowerPictureOfTheSameScaleIsAZoomRelativeToItsWidth() {
    // 4:3 cut from the sides of a 16:9 picture: same pixels, three quarters of the width
    CameraEstimator e = new CameraEstimator(960, 540, 720, 540);
    e.add(camera(960 / 720.0, 0, 0, 0, 960, 540, 720, 540));
    assertThat(e.estimate().zoom()).isCloseTo(4 / 3.0, within(1e-9));
  }

  @Test
  void medianIgnoresAMinorityOfBentMoments() {
    CameraEstimator e = new CameraEstimator(960, 540, 960, 540);
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 70; i++) {
      e.add(camera(0.9 + 0.01 * rng.nextGaussian(), 0, 0, 0, 960, 540, 960, 540));
    }
    for (int i = 0; i < 30; i++) {
      e.add(camera(0.5 + rng.nextDouble(), 20 * rng.nextGaussian(), 0, 0, 960, 540, 960, 540));
    }
    e.add(null);
    CameraDifference d = e.estimate();
    assertThat(d.moments()).isEqualTo(100);
    assertThat(d.zoom()).isCloseTo(0.9, within(0.02));
    assertThat(d.zoomLo()).isLessThan(d.zoom());
    assertThat(d.zoomHi()).isGreaterThan(d.zoom());
  }

  @Test
  void noMomentsIsNoEstimate() {
    CameraDifference d = new CameraEstimator(960, 540, 960, 540).estimate();
    assertThat(d).isEqualTo(CameraDifference.NONE);
    assertThat(d.toJson()).containsEntry("source", "none").containsEntry("zoom", null);
  }
}
