package dev.mtbsync.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.Progress;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.gps.GpsInputs;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.match.MatchConfig;
import java.io.IOException;
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
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A real clip filmed again by another camera, with exact truth: the copy starts some frames later
 * and each picture goes through a re-framing (a crop, a zoom), as a second camera at the same
 * places would film it. Shared by the sync tests of camera differences.
 */
final class ReframedClip {

  /** How the other camera frames a picture of {@code w x h}. */
  interface Reframe {
    /** The other camera's picture size {@code {width, height}}: the clip's, unless it says. */
    default int[] size(int w, int h) {
      return new int[] {w, h};
    }

    /** Draws {@code in}, the clip's picture, as the other camera films it into {@code out}. */
    void apply(Mat in, Mat out);
  }

  /**
   * The picture's centre {@code 1 / zoom} of it scaled back to the full size, as a narrower lens or
   * a crop would film it.
   */
  static Reframe zoomedIn(double zoom) {
    return new Reframe() {
      @Override
      public void apply(Mat in, Mat framed) {
        int w = in.cols();
        int h = in.rows();
        int cw = (int) Math.round(w / zoom);
        int ch = (int) Math.round(h / zoom);
        try (Mat part = new Mat(in, new Rect((w - cw) / 2, (h - ch) / 2, cw, ch));
            Size size = new Size(w, h)) {
          opencv_imgproc.resize(part, framed, size, 0, 0, opencv_imgproc.INTER_CUBIC);
        }
      }
    };
  }

  /**
   * The picture rolled by {@code degrees} (counter-clockwise) about its centre, its corners black,
   * as a camera mounted askew and an editor's rotate would give it.
   */
  static Reframe rolled(double degrees) {
    return new Reframe() {
      @Override
      public void apply(Mat in, Mat framed) {
        try (Point2f centre = new Point2f(in.cols() / 2f, in.rows() / 2f);
            Mat roll = opencv_imgproc.getRotationMatrix2D(centre, degrees, 1);
            Size size = new Size(in.cols(), in.rows());
            Scalar black = new Scalar(0, 0, 0, 0)) {
          opencv_imgproc.warpAffine(
              in,
              framed,
              roll,
              size,
              opencv_imgproc.INTER_LINEAR,
              org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT,
              black);
        }
      }
    };
  }

  /** The copy's frame rate and how much later (s) it starts. */
  record Copy(double fps, double offset) {}

  /** The sorted absolute marker errors (frames) and how many intervals hold the truth. */
  record Errors(List<Double> sorted, int inside) {
    double median() {
      return sorted.get(sorted.size() / 2);
    }

    double max() {
      return sorted.get(sorted.size() - 1);
    }
  }

  private ReframedClip() {}

  /**
   * Whether the real clip is on this machine; when it is not, says so on the console for {@code
   * test}.
   */
  static boolean present(Path clip, Class<?> test) {
    if (java.nio.file.Files.isRegularFile(clip)) {
      return true;
    }
    System.out.println(
        test.getSimpleName() + " skipped: the real clip " + clip + " is absent here");
    return false;
  }

  /** Skips the calling test (an assumption) when the real clip is not on this machine. */
  static void assumePresent(Path clip) {
    org.assertj.core.api.Assumptions.assumeThat(java.nio.file.Files.isRegularFile(clip))
        .as("the real clip " + clip + " is absent here, so this test is skipped")
        .isTrue();
  }

  /** Writes the re-framed copy of {@code clip}, its first {@code skipFrames} left out, as H.264. */
  static Copy write(Path clip, Path out, int skipFrames, Reframe reframe) throws IOException {
    try (FFmpegFrameGrabber in = new FFmpegFrameGrabber(clip.toFile());
        OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
      in.start();
      double fps = in.getFrameRate();
      int[] size = reframe.size(in.getImageWidth(), in.getImageHeight());
      try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(out.toFile(), size[0], size[1], 0)) {
        rec.setVideoCodec(avcodec.AV_CODEC_ID_H264);
        rec.setFormat("mp4");
        rec.setFrameRate(fps);
        rec.setVideoOption("crf", "18");
        rec.setVideoOption("preset", "veryfast");
        rec.start();
        Frame f;
        int k = 0;
        while ((f = in.grabImage()) != null) {
          if (k++ < skipFrames) {
            continue;
          }
          try (Mat framed = new Mat()) {
            reframe.apply(conv.convert(f), framed);
            rec.record(conv.convert(framed));
          }
        }
      }
      return new Copy(fps, skipFrames / fps);
    }
  }

  /** Syncs the copy against the clip with the engine's defaults, new run sampled at 6 a second. */
  static SyncResult sync(Path clip, Path copy, Path markers, Path out) throws IOException {
    return SyncPipeline.run(
        new SyncRequest(
            clip,
            copy,
            null,
            markers,
            out,
            OrbConfig.DEFAULT,
            new OrbConfig(6, 960, 500, false),
            MatchConfig.defaults(),
            WarpConfig.DEFAULT,
            0.6,
            GpsInputs.NONE),
        Progress.NONE);
  }

  /**
   * Each marker's error against the truth ({@code t_ref - offset}), failing the test at once on a
   * marker more than 3 frames off and not flagged for review: a confidently wrong answer.
   */
  static Errors errors(SyncResult r, Copy copy) {
    assertThat(r.ok()).as(String.join("; ", r.problems())).isTrue();
    List<Double> errors = new ArrayList<>();
    int inside = 0;
    for (NewMarker m : r.markers()) {
      double truth = m.tRef() - copy.offset();
      double err = (m.tNew() - truth) * copy.fps();
      errors.add(Math.abs(err));
      if (m.tNewLo() <= truth && truth <= m.tNewHi()) {
        inside++;
      }
      if (Math.abs(err) > 3) {
        assertThat(m.needsReview()).as("marker %s off by %.1f frames", m.name(), err).isTrue();
      }
    }
    Collections.sort(errors);
    return new Errors(errors, inside);
  }
}
