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
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real clip (a walk filmed by a GoPro) against a copy of itself that starts 0.5 s later and is
 * zoomed in by 20 %, as a narrower lens or a crop would film it: markers must land within a frame
 * or two and say how sure they are. At walking pace this is the hard case: the old inlier-count
 * placement put these markers 16-22 frames early with full confidence.
 */
class CameraDifferenceSyncTest {

  private static final Path CLIP = Path.of("../../shared/data/video/gpmf-parser_max-heromode.mp4");
  private static final int SKIP_FRAMES = 15;
  private static final double ZOOM = 1.2;

  @TempDir static Path dir;
  static double fps;
  static double offset;

  @TempDir Path out;

  @BeforeAll
  static void zoomedCopy() throws IOException {
    if (!Files.isRegularFile(CLIP)) {
      System.out.println(
          "CameraDifferenceSyncTest skipped: the real clip " + CLIP + " is absent here");
      return;
    }
    try (FFmpegFrameGrabber in = new FFmpegFrameGrabber(CLIP.toFile());
        OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
      in.start();
      fps = in.getFrameRate();
      int w = in.getImageWidth();
      int h = in.getImageHeight();
      try (FFmpegFrameRecorder rec =
          new FFmpegFrameRecorder(dir.resolve("new.mp4").toFile(), w, h, 0)) {
        rec.setVideoCodec(avcodec.AV_CODEC_ID_H264);
        rec.setFormat("mp4");
        rec.setFrameRate(fps);
        rec.setVideoOption("crf", "18");
        rec.setVideoOption("preset", "veryfast");
        rec.start();
        int cw = (int) Math.round(w / ZOOM);
        int ch = (int) Math.round(h / ZOOM);
        Rect crop = new Rect((w - cw) / 2, (h - ch) / 2, cw, ch);
        Frame f;
        int k = 0;
        while ((f = in.grabImage()) != null) {
          if (k++ < SKIP_FRAMES) {
            continue;
          }
          Mat m = conv.convert(f);
          try (Mat part = new Mat(m, crop);
              Mat big = new Mat()) {
            opencv_imgproc.resize(part, big, new Size(w, h), 0, 0, opencv_imgproc.INTER_CUBIC);
            rec.record(conv.convert(big));
          }
        }
      }
    }
    offset = SKIP_FRAMES / fps;
    Files.writeString(
        dir.resolve("markers.csv"), "name,t_ref\nA,2.0\nB,3.5\nC,5.0\nD,6.5\nE,8.0\nF,9.5\n");
  }

  @Test
  void markersLandWithinAFrameOrTwoAndTheirIntervalsHoldTheTruth() throws IOException {
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
    assertThat(errors).hasSize(6);
    assertThat(errors.get(2)).as("median error (frames)").isLessThan(1.5);
    assertThat(inside).as("markers whose 90 %% interval holds the truth").isGreaterThanOrEqualTo(5);
    assertThat(r.camera().zoom()).as("estimated zoom").isBetween(1.15, 1.25);
  }
}
