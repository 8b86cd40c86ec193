package dev.mtbsync.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mtbsync.Progress;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.match.MatchConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
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
  static double fps;
  static double offset;

  @TempDir Path out;

  @BeforeAll
  static void fourByThreeCopy() throws IOException {
    if (!Files.isRegularFile(CLIP)) {
      System.out.println(
          "AspectDifferenceSyncTest skipped: the real clip " + CLIP + " is absent here");
      return;
    }
    try (FFmpegFrameGrabber in = new FFmpegFrameGrabber(CLIP.toFile());
        OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
      in.start();
      fps = in.getFrameRate();
      int w = in.getImageWidth();
      int h = in.getImageHeight();
      int cw = h * 4 / 3 / 2 * 2;
      try (FFmpegFrameRecorder rec =
          new FFmpegFrameRecorder(dir.resolve("new.mp4").toFile(), cw, h, 0)) {
        rec.setVideoCodec(avcodec.AV_CODEC_ID_H264);
        rec.setFormat("mp4");
        rec.setFrameRate(fps);
        rec.setVideoOption("crf", "18");
        rec.setVideoOption("preset", "veryfast");
        rec.start();
        Rect crop = new Rect((w - cw) / 2, 0, cw, h);
        Frame f;
        int k = 0;
        while ((f = in.grabImage()) != null) {
          if (k++ < SKIP_FRAMES) {
            continue;
          }
          Mat m = conv.convert(f);
          try (Mat part = new Mat(m, crop);
              Mat copy = part.clone()) {
            rec.record(conv.convert(copy));
          }
        }
      }
    }
    offset = SKIP_FRAMES / fps;
    Files.writeString(
        dir.resolve("markers.csv"),
        "name,t_ref\nA,1.5\nB,2.5\nC,3.5\nD,4.5\nE,5.5\nF,6.5\nG,7.5\n");
  }

  @Test
  void everyMarkerLandsWithinAFrameOrTwoWithAnIntervalHoldingTheTruth() throws IOException {
    assumeThat(Files.isRegularFile(CLIP))
        .as("the real clip " + CLIP + " is absent here, so this test is skipped")
        .isTrue();
    SyncResult r =
        SyncPipeline.run(
            new SyncRequest(
                CLIP,
                dir.resolve("new.mp4"),
                null,
                dir.resolve("markers.csv"),
                out,
                OrbConfig.DEFAULT,
                new OrbConfig(6, 960, 500, false),
                MatchConfig.defaults(),
                WarpConfig.DEFAULT,
                0.6,
                dev.mtbsync.gps.GpsInputs.NONE),
            Progress.NONE);
    assertThat(r.ok()).as(String.join("; ", r.problems())).isTrue();
    List<Double> errors = new ArrayList<>();
    int inside = 0;
    for (NewMarker m : r.markers()) {
      double truth = m.tRef() - offset;
      double err = (m.tNew() - truth) * fps;
      errors.add(Math.abs(err));
      if (m.tNewLo() <= truth && truth <= m.tNewHi()) {
        inside++;
      }
      if (Math.abs(err) > 3) {
        assertThat(m.needsReview()).as("marker %s off by %.1f frames", m.name(), err).isTrue();
      }
    }
    Collections.sort(errors);
    assertThat(errors).as("markers carried over").hasSize(7);
    assertThat(errors.get(3)).as("median error (frames)").isLessThan(1.0);
    assertThat(errors.get(6)).as("largest error (frames)").isLessThan(2.5);
    assertThat(inside).as("markers whose 90 %% interval holds the truth").isGreaterThanOrEqualTo(6);
    assertThat(r.camera().framing())
        .as("the coarse pass's window: the new picture is the reference's middle three quarters")
        .containsExactly(new double[] {0.75, 1}, org.assertj.core.api.Assertions.within(0.01));
    assertThat(r.camera().toJson()).containsKey("coarse_framing");
    assertThat(r.camera().describe()).endsWith("coarse pass over a 0.750 x 1.000 window");
  }
}
