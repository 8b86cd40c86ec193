package dev.mtbsync.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real clip (a road filmed from a car, 16:9) against a 4:3 copy of itself, its sides cropped away
 * as a 4:3 camera mode films the same place, starting 0.48 s later: every marker must be carried
 * over within a frame or two, with an interval that holds the truth. Comparing whole pictures, the
 * coarse pass led verification astray and the sync was refused ("too few matching moments to fit a
 * time-warp (0 of 0 pairs)"); with the camera benchmark's sine re-timing it put the new run five
 * seconds into the reference.
 */
class AspectDifferenceSyncTest {

  private static final Path CLIP = Path.of("../../shared/data/video/udacity_solidWhiteRight.mp4");
  private static final int SKIP_FRAMES = 12;

  @TempDir static Path dir;
  static ReframedClip.Copy copy;

  @TempDir Path out;

  @BeforeAll
  static void fourByThreeCopy() throws IOException {
    if (!ReframedClip.present(CLIP, AspectDifferenceSyncTest.class)) {
      return;
    }
    copy =
        ReframedClip.write(
            CLIP,
            dir.resolve("new.mp4"),
            SKIP_FRAMES,
            new ReframedClip.Reframe() {
              @Override
              public int[] size(int w, int h) {
                return new int[] {h * 4 / 3 / 2 * 2, h};
              }

              @Override
              public void apply(Mat in, Mat framed) {
                int cw = in.rows() * 4 / 3 / 2 * 2;
                try (Mat part = new Mat(in, new Rect((in.cols() - cw) / 2, 0, cw, in.rows()))) {
                  part.copyTo(framed);
                }
              }
            });
    Files.writeString(
        dir.resolve("markers.csv"),
        "name,t_ref\nA,1.5\nB,2.5\nC,3.5\nD,4.5\nE,5.5\nF,6.5\nG,7.5\n");
  }

  @Test
  void everyMarkerLandsWithinAFrameOrTwoWithAnIntervalHoldingTheTruth() throws IOException {
    ReframedClip.assumePresent(CLIP);
    SyncResult r = ReframedClip.sync(CLIP, dir.resolve("new.mp4"), dir.resolve("markers.csv"), out);
    ReframedClip.Errors errors = ReframedClip.errors(r, copy);
    assertThat(errors.sorted()).as("markers carried over").hasSize(7);
    assertThat(errors.median()).as("median error (frames)").isLessThan(1.0);
    assertThat(errors.max()).as("largest error (frames)").isLessThan(2.5);
    assertThat(errors.inside())
        .as("markers whose 90 %% interval holds the truth")
        .isGreaterThanOrEqualTo(6);
    assertThat(r.camera().framing())
        .as("the coarse pass's window: the new picture is the reference's middle three quarters")
        .containsExactly(new double[] {0.75, 1}, org.assertj.core.api.Assertions.within(0.01));
    assertThat(r.camera().toJson()).containsKey("coarse_framing");
    assertThat(r.camera().describe()).endsWith("coarse pass over a 0.750 x 1.000 window");
    // one pixel scale (a crop, not a zoom): the intervals are the pairs' own, not widened
    assertThat(r.camera().zoomTimed()).isFalse();
    assertThat(r.camera().sigmaFactor()).isEqualTo(1.0);
  }
}
