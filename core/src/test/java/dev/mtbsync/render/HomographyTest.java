package dev.mtbsync.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.camera.CameraDifference;
import dev.mtbsync.runs.TimewarpFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The camera difference as the overlay's starting map, and the corner arithmetic around it. */
class HomographyTest {

  static final CameraDifference CAMERA =
      new CameraDifference(1.25, 1.2, 1.3, 10, 0.05, -0.02, 40, "estimated");

  @Test
  void theCameraMapSendsTheNewCentreToTheShiftedReferenceCentreTurnedAndScaled() {
    // following the reference: the new run's frame (640x480) onto the reference's (1280x720)
    double[] h = Homography.fromCamera(CAMERA, false, 640, 480, 1280, 720);
    double[] centre = Homography.apply(h, 320, 240);
    assertThat(centre[0]).isCloseTo(640 + 0.05 * 1280, within(1e-6));
    assertThat(centre[1]).isCloseTo(360 - 0.02 * 720, within(1e-6));
    // a step right in the new picture: scaled by 1280 / (640 * 1.25), turned 10 degrees clockwise
    double[] right = Homography.apply(h, 420, 240);
    double dx = right[0] - centre[0];
    double dy = right[1] - centre[1];
    assertThat(Math.hypot(dx, dy)).isCloseTo(100 * 1280 / (640 * 1.25), within(1e-6));
    assertThat(Math.toDegrees(Math.atan2(dy, dx))).isCloseTo(10, within(1e-6));
  }

  @Test
  void followingTheNewRunTheMapIsTheInverse() {
    double[] toRef = Homography.fromCamera(CAMERA, false, 640, 480, 1280, 720);
    double[] toNew = Homography.fromCamera(CAMERA, true, 640, 480, 1280, 720);
    double[] there = Homography.apply(toRef, 100, 50);
    double[] back = Homography.apply(toNew, there[0], there[1]);
    assertThat(back[0]).isCloseTo(100, within(1e-6));
    assertThat(back[1]).isCloseTo(50, within(1e-6));
  }

  @Test
  void withoutAnEstimateEachPictureSpansTheOther() {
    double[] h = Homography.fromCamera(CameraDifference.NONE, true, 640, 360, 320, 180);
    assertThat(Homography.corners(h, 320, 180))
        .containsExactly(new double[] {0, 0, 640, 0, 640, 360, 0, 360}, within(1e-6));
  }

  @Test
  void cornersGiveBackTheMapTheyCameFrom() {
    double[] h = Homography.fromCamera(CAMERA, true, 640, 480, 1280, 720);
    double[] again = Homography.fromCorners(Homography.corners(h, 1280, 720), 1280, 720);
    for (int i = 0; i < 9; i++) {
      assertThat(again[i] / again[8]).isCloseTo(h[i] / h[8], within(1e-3));
    }
    assertThat(Homography.convex(Homography.corners(h, 1280, 720))).isTrue();
    assertThat(Homography.convex(new double[] {0, 0, 10, 0, 0, 10, 10, 10})).isFalse();
  }

  @Test
  void theTimewarpFileCarriesTheCameraBlockAndOlderFilesHaveNone(@TempDir Path dir)
      throws IOException {
    Path with = dir.resolve("with.json");
    TimewarpFile.write(
        with, null, null, WarpConfig.DEFAULT, List.of(), Map.of("camera", CAMERA.toJson()));
    CameraDifference read = TimewarpFile.readCamera(with);
    assertThat(read.zoom()).isEqualTo(1.25);
    assertThat(read.rollDeg()).isEqualTo(10);
    assertThat(read.shiftX()).isEqualTo(0.05);
    assertThat(read.shiftY()).isEqualTo(-0.02);
    assertThat(read.moments()).isEqualTo(40);
    Path without = dir.resolve("without.json");
    TimewarpFile.write(without, null, null, WarpConfig.DEFAULT, List.of());
    assertThat(TimewarpFile.readCamera(without)).isEqualTo(CameraDifference.NONE);
  }

  @Test
  void theCoarseFramingSurvivesAReadBack(@TempDir Path dir) throws IOException {
    // a refit writes timewarp.json again from what it read: the framing must not be lost
    Path file = dir.resolve("timewarp.json");
    TimewarpFile.write(
        file,
        null,
        null,
        WarpConfig.DEFAULT,
        List.of(),
        Map.of("camera", CAMERA.withFraming(0.75, 1).toJson()));
    assertThat(TimewarpFile.readCamera(file).framing()).containsExactly(0.75, 1.0);
    assertThat(TimewarpFile.readCamera(file).toJson()).containsKey("coarse_framing");
  }
}
