package dev.mtbsync.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mtbsync.Progress;
import dev.mtbsync.video.FfmpegFrameSource;
import dev.mtbsync.video.FrameSource;
import dev.mtbsync.video.VideoFrame;
import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Films one short new run with several cameras and checks each picture against the plain camera's
 * picture of the same moment, put through the transform the camera claims to apply.
 */
class SynthCameraTest {

  private static final int W = 320;
  private static final int H = 180;
  private static final SynthConfig PLAIN = new SynthConfig(11, 2, W, H, 10, 10);

  /** A frame well inside every variant's new run. */
  private static final int FRAME = 12;

  @TempDir static Path dir;
  static Grey plain;
  static double cx;
  static double cy;

  @BeforeAll
  static void renderPlain() throws IOException {
    plain = frame(render("plain", camera(1.0, NewCamera.Lens.LINEAR, NewCamera.Aspect.WIDE)));
    RunLook look = SynthPlan.of(PLAIN).newLook();
    cx = W / 2.0 + look.shiftX() * W;
    cy = H / 2.0 + look.shiftY() * H;
  }

  @Test
  void zoomedCameraShowsThePictureScaledAboutThePrincipalPoint() throws IOException {
    Grey zoomed = frame(render("zoom", camera(1.2, NewCamera.Lens.LINEAR, NewCamera.Aspect.WIDE)));
    double best = Double.NaN;
    double bestDiff = Double.MAX_VALUE;
    for (double s = 1.0; s <= 1.4001; s += 0.02) {
      double scale = s;
      double d =
          meanDiff(zoomed, (u, v) -> new double[] {cx + (u - cx) / scale, cy + (v - cy) / scale});
      if (d < bestDiff) {
        bestDiff = d;
        best = s;
      }
    }
    assertThat(best).as("scale between the pictures").isCloseTo(1.2, within(0.021));
    assertThat(bestDiff).isLessThan(8);
  }

  @Test
  void fourThreeCutsTheSidesAndTallShowsMoreAboveAndBelow() throws IOException {
    Grey crop = frame(render("crop", camera(1.0, NewCamera.Lens.LINEAR, NewCamera.Aspect.CROP)));
    Grey tall = frame(render("tall", camera(1.0, NewCamera.Lens.LINEAR, NewCamera.Aspect.TALL)));
    assertThat(new int[] {crop.w, crop.h}).containsExactly(240, 180);
    assertThat(new int[] {tall.w, tall.h}).containsExactly(320, 240);
    double cropped = meanDiff(crop, (u, v) -> new double[] {u + 40, v});
    double talled = meanDiff(tall, (u, v) -> new double[] {u, v - 30});
    assertThat(cropped).as("4:3 against the middle of 16:9").isLessThan(5);
    assertThat(talled).as("4:3-tall against 16:9 with 30 rows more each side").isLessThan(5);
    assertThat(meanDiff(crop, (u, v) -> new double[] {u + 46, v})).isGreaterThan(2 * cropped);
  }

  @Test
  void fisheyeBendsThePlainPictureByItsProjectionAndFillsTheCorners() throws IOException {
    Grey fish = frame(render("fish", camera(1.0, NewCamera.Lens.FISHEYE, NewCamera.Aspect.WIDE)));
    double f = W / 2.0;
    double bent =
        meanDiff(
            fish,
            (u, v) -> {
              double[] p =
                  OpticsRenderer.straighten(NewCamera.Lens.FISHEYE, (u - cx) / f, (v - cy) / f);
              return new double[] {cx + f * p[0], cy + f * p[1]};
            });
    double unbent = meanDiff(fish, (u, v) -> new double[] {u, v});
    assertThat(bent).as("fisheye against the plain picture bent by r = f theta").isLessThan(6);
    assertThat(unbent).isGreaterThan(2 * bent);
    for (int[] corner : new int[][] {{0, 0}, {W - 8, 0}, {0, H - 8}, {W - 8, H - 8}}) {
      assertThat(fish.mean(corner[0], corner[1], 8))
          .as("corner %s", corner[0] + "," + corner[1])
          .isGreaterThan(25);
    }
  }

  @Test
  void stabilisedPictureIsTheDriftingWindowOfThePlainOne() throws IOException {
    NewCamera c = camera(1.0, NewCamera.Lens.LINEAR, NewCamera.Aspect.WIDE);
    NewCamera stab =
        new NewCamera(
            c.zoom(),
            c.lens(),
            c.aspect(),
            c.mountHeightM(),
            c.mountPitchDeg(),
            c.lineOffsetM(),
            true,
            0);
    Grey shown = frame(render("stab", stab));
    Stabiliser drift = new Stabiliser(SynthPlan.of(PLAIN).newLook().jitterSeed());
    double t = FRAME / PLAIN.newFps();
    double k = Stabiliser.CROP;
    double ox = (1 - k) * W / 2 + drift.driftX(t) * W;
    double oy = (1 - k) * H / 2 + drift.driftY(t) * H;
    double windowed = meanDiff(shown, (u, v) -> new double[] {ox + k * u, oy + k * v});
    double centred =
        meanDiff(shown, (u, v) -> new double[] {(1 - k) * W / 2 + k * u, (1 - k) * H / 2 + k * v});
    assertThat(windowed).isLessThan(6);
    for (double s = 0; s < 600; s += 0.25) {
      assertThat(Math.abs(drift.driftX(s))).isLessThanOrEqualTo(0.04);
      assertThat(Math.abs(drift.driftY(s))).isLessThanOrEqualTo(0.03);
    }
    assertThat(centred).as("the window has drifted from the middle").isGreaterThan(windowed);
  }

  @Test
  void rotatedRunCarriesTheDisplayMatrixAndStoresThePictureTurnedBack() throws IOException {
    NewCamera c = camera(1.0, NewCamera.Lens.LINEAR, NewCamera.Aspect.WIDE);
    NewCamera turned =
        new NewCamera(
            c.zoom(),
            c.lens(),
            c.aspect(),
            c.mountHeightM(),
            c.mountPitchDeg(),
            c.lineOffsetM(),
            false,
            90);
    Path file = render("rot", turned);
    try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
      g.start();
      assertThat(g.getDisplayRotation())
          .as("FFmpeg's counter-clockwise matrix angle")
          .isEqualTo(-90.0);
      g.stop();
    }
    // the picture is stored turned back (H x W); the project's decoder honours the matrix and
    // gives it upright, the same picture as the plain render's
    Grey upright = frame(file);
    assertThat(new int[] {upright.w, upright.h}).containsExactly(W, H);
    assertThat(meanDiff(upright, (u, v) -> new double[] {u, v})).isLessThan(3);
  }

  @Test
  void cameraOptionsLeaveTheTruthTimesAsTheSeedGivesThem() throws IOException {
    SynthConfig plainDefault = SynthConfig.defaults(5);
    NewCamera gopro =
        new NewCamera(1.3, NewCamera.Lens.FISHEYE, NewCamera.Aspect.CROP, 1.0, -10, 1.5, true, 270);
    SynthTruth a = SynthPlan.of(plainDefault).truth();
    SynthTruth b = SynthPlan.of(plainDefault.withNewCamera(gopro)).truth();
    assertThat(b.mapping().tNew()).isEqualTo(a.mapping().tNew());
    assertThat(b.mapping().tRef()).isEqualTo(a.mapping().tRef());
    assertThat(b.markers()).isEqualTo(a.markers());
    assertThat(b.validTNew()).isEqualTo(a.validTNew());
    assertThat(b.stop()).isEqualTo(a.stop());
    assertThat(b.ref()).isEqualTo(a.ref());
    assertThat(new int[] {b.newRun().width(), b.newRun().height()}).containsExactly(960, 720);
    assertThat(b.newCamera())
        .isEqualTo(new SynthTruth.Camera(1.3, "fisheye", "4:3", 1.0, -10, 1.5, 0.8, 270));
    assertThat(a.newCamera().lens()).isEqualTo("linear");
  }

  private static NewCamera camera(double zoom, NewCamera.Lens lens, NewCamera.Aspect aspect) {
    return new NewCamera(zoom, lens, aspect, NewCamera.HELMET_HEIGHT_M, 0, 0.0, false, 0);
  }

  private static Path render(String name, NewCamera camera) throws IOException {
    Path out = dir.resolve(name);
    SynthRenderer.render(PLAIN.withNewCamera(camera), out, Progress.NONE);
    return out.resolve(SynthRenderer.NEW_VIDEO);
  }

  private static Grey frame(Path video) throws IOException {
    try (FrameSource src = FfmpegFrameSource.openGrey(video, 4096)) {
      for (VideoFrame f = src.next(); f != null; f = src.next()) {
        if (f.index() == FRAME) {
          return new Grey(f.width(), f.height(), f.pixels());
        }
      }
    }
    throw new AssertionError("no frame " + FRAME + " in " + video);
  }

  /** Where in the plain picture a pixel (u, v) of another picture should be found. */
  private interface Mapping {
    double[] at(int u, int v);
  }

  /**
   * Mean absolute grey difference between {@code other} and the plain picture sampled through
   * {@code map}, over the pixels that land well inside the plain picture.
   */
  private static double meanDiff(Grey other, Mapping map) {
    double sum = 0;
    long n = 0;
    for (int v = 0; v < other.h; v++) {
      for (int u = 0; u < other.w; u++) {
        double[] p = map.at(u, v);
        if (p[0] >= 4 && p[0] < W - 5 && p[1] >= 4 && p[1] < H - 5) {
          sum += Math.abs(plain.sample(p[0], p[1]) - other.at(u, v));
          n++;
        }
      }
    }
    assertThat(n).as("pixels compared").isGreaterThan(other.w * other.h / 4);
    return sum / n;
  }

  private record Grey(int w, int h, byte[] px) {
    int at(int x, int y) {
      return px[y * w + x] & 0xFF;
    }

    double sample(double x, double y) {
      int x0 = (int) x;
      int y0 = (int) y;
      double fx = x - x0;
      double fy = y - y0;
      double top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
      double bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
      return top * (1 - fy) + bottom * fy;
    }

    double mean(int x0, int y0, int size) {
      double sum = 0;
      for (int y = y0; y < y0 + size; y++) {
        for (int x = x0; x < x0 + size; x++) {
          sum += at(x, y);
        }
      }
      return sum / (size * size);
    }
  }
}
