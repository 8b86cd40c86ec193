package dev.mtbsync.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.Progress;
import dev.mtbsync.camera.CameraDifference;
import dev.mtbsync.synth.NewCamera;
import dev.mtbsync.video.VideoFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overlay layout on a synth pair whose new camera is zoomed in by a known factor: the reference
 * ghost must land on the new run's picture (registered), where laying it over unregistered would
 * leave every edge doubled.
 */
class OverlayRenderTest {

  /** The new camera's focal length against the reference's. */
  static final double ZOOM = 1.25;

  static final double FROM = 1.0;
  static final double TO = 3.5;

  @TempDir static Path tmp;
  static RunFixture fixture;
  static Path run;
  static List<VideoFrame> output;
  static List<VideoFrame> ref;
  static List<VideoFrame> neu;
  static RenderResult result;

  @BeforeAll
  static void render() throws IOException {
    NewCamera zoomed =
        new NewCamera(
            ZOOM,
            NewCamera.Lens.LINEAR,
            NewCamera.Aspect.WIDE,
            NewCamera.HELMET_HEIGHT_M,
            0,
            0.0,
            false,
            0);
    fixture = RunFixture.render(tmp.resolve("pair"), 5, zoomed);
    run = fixture.runFolder(tmp.resolve("run"), FROM, TO);
    // the output the size of the sources, so output and source pixels line up one to one
    RenderConfig config =
        new RenderConfig(Layout.OVERLAY, Follow.NEW, 320, 180, null, null, 12, Audio.NONE);
    Path video = tmp.resolve("out/overlay.mp4");
    result = ComparisonRenderer.render(RenderInputs.read(run), config, video, Progress.NONE);
    output = ComparisonRendererTest.decode(video);
    ref = ComparisonRendererTest.decode(fixture.pair.resolve("ref.mp4"));
    neu = ComparisonRendererTest.decode(fixture.pair.resolve("new.mp4"));
    String dump = System.getProperty("mtbsync.test.frames");
    if (dump != null) {
      Files.createDirectories(Path.of(dump));
      for (double t : new double[] {0.5, 1.5, 2.5, 3.3, 4.5}) {
        png(output.get((int) Math.round(t * 60)), Path.of(dump, "overlay-" + t + ".png"));
      }
    }
  }

  @Test
  void measuresTheKnownZoomBetweenTheCamerasAtTrueMoments() {
    for (double t = 1.2; t < 3.4; t += 0.4) {
      VideoFrame n = ComparisonRendererTest.nearest(neu, t);
      VideoFrame r = ComparisonRendererTest.nearest(ref, fixture.refTimeAt(t));
      double[] noCamera = Homography.fromCamera(CameraDifference.NONE, true, 320, 180, 320, 180);
      try (Registration reg = new Registration(noCamera, 320, 180, 320)) {
        double[] h = reg.at(t, n, r);
        assertThat(reg.accepted()).as("measured at %.1f s", t).isEqualTo(1);
        double scale = Math.sqrt((h[0] * h[4] - h[1] * h[3]) / (h[8] * h[8]));
        // the reference seen through the new camera: magnified by the zoom
        assertThat(scale).as("scale at %.1f s", t).isBetween(ZOOM - 0.08, ZOOM + 0.08);
      }
    }
  }

  @Test
  void theGhostLandsOnTheFollowedPictureWhereAnUnregisteredOneWouldNot() {
    for (double t = 1.3; t < 3.4; t += 0.35) {
      VideoFrame out = output.get((int) Math.round(t * 60));
      VideoFrame n = ComparisonRendererTest.nearest(neu, t);
      VideoFrame r = ComparisonRendererTest.nearest(ref, fixture.refTimeAt(t));
      // the ghost as drawn: the output less the followed run's share. Compared by detail (grey
      // levels less their local mean), as the two runs' light and colour differ wherever they lie
      double[] ghost = grey(out);
      double[] followed = grey(n);
      for (int i = 0; i < ghost.length; i++) {
        ghost[i] = (ghost[i] - (1 - Compositor.GHOST) * followed[i]) / Compositor.GHOST;
      }
      double registered = correlation(ghost, followed);
      double unregistered = correlation(grey(r), followed);
      // measured: 0.40 to 0.69 registered, -0.10 to 0.07 as filmed (the zoom shifts every edge)
      assertThat(registered)
          .as("at %.2f s: the ghost's detail against the followed picture's", t)
          .isGreaterThan(0.3)
          .isGreaterThan(unregistered + 0.25);
    }
  }

  @Test
  void withoutAMatchTheFollowedPictureShowsAloneUnderTheCard() {
    for (double t : new double[] {0.4, 0.8, 3.8, 4.5}) {
      VideoFrame out = output.get((int) Math.round(t * 60));
      VideoFrame n = ComparisonRendererTest.nearest(neu, t);
      // below the card a third of the way down, above the gate and sector lines
      assertThat(mad(out, n, 20, 300, 85, 120)).as("at %.1f s", t).isLessThan(4);
      // the card itself: the amber title on dark grey, where the picture was
      assertThat(mad(out, n, 110, 210, 52, 68)).as("card at %.1f s", t).isGreaterThan(15);
    }
    assertThat(result.matchedFrames()).isBetween(148L, 152L);
  }

  static double mad(VideoFrame a, VideoFrame b, int x0, int x1, int y0, int y1) {
    long sum = 0;
    int n = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        for (int c = 0; c < 3; c++) {
          int i = (y * a.width() + x) * 3 + c;
          sum += Math.abs((a.pixels()[i] & 0xff) - (b.pixels()[i] & 0xff));
          n++;
        }
      }
    }
    return (double) sum / n;
  }

  /**
   * Grey levels over the middle of a 320x180 frame (clear of the text), each less the mean of its
   * 9x9 neighbourhood: the pictures' detail, without the two runs' different light and colour.
   */
  static double[] grey(VideoFrame f) {
    try (Mat src = new Mat(f.height(), f.width(), opencv_core.CV_8UC3);
        Mat g = new Mat();
        Mat gf = new Mat();
        Mat mean = new Mat();
        Size k = new Size(9, 9)) {
      src.data().put(f.pixels());
      opencv_imgproc.cvtColor(src, g, opencv_imgproc.COLOR_BGR2GRAY);
      g.convertTo(gf, opencv_core.CV_32F);
      opencv_imgproc.blur(gf, mean, k);
      double[] out = new double[280 * 75];
      try (FloatIndexer gi = gf.createIndexer();
          FloatIndexer mi = mean.createIndexer()) {
        int i = 0;
        for (int y = 45; y < 120; y++) {
          for (int x = 20; x < 300; x++) {
            out[i++] = gi.get(y, x) - mi.get(y, x);
          }
        }
      }
      return out;
    }
  }

  /** Pearson correlation of two series of one length. */
  static double correlation(double[] a, double[] b) {
    double ma = Arrays.stream(a).average().orElse(0);
    double mb = Arrays.stream(b).average().orElse(0);
    double sab = 0, saa = 0, sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }

  private static void png(VideoFrame f, Path file) {
    try (Mat m = new Mat(f.height(), f.width(), opencv_core.CV_8UC3)) {
      m.data().put(f.pixels());
      opencv_imgcodecs.imwrite(file.toString(), m);
    }
  }
}
