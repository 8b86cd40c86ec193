package dev.mtbsync.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtbsync.artefacts.RunJson;
import dev.mtbsync.video.VideoFormatException;
import dev.mtbsync.video.VideoInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The new run's low-resolution proxy, as a GoPro writes it beside the video ({@code GL010001.LRV}
 * beside {@code GH010001.MP4}): a real clip, 0.48 s late, written at twice its size as the video
 * and at its own size as the proxy. The analysis decodes the proxy, and the markers must land as
 * they do from a video (within a frame or two, intervals holding the truth).
 */
class ProxySyncTest {

  private static final Path CLIP = Path.of("../../shared/data/video/udacity_solidWhiteRight.mp4");
  private static final int SKIP_FRAMES = 12;

  @TempDir static Path dir;
  static ReframedClip.Copy copy;

  @TempDir Path out;

  @BeforeAll
  static void videoAndProxy() throws IOException {
    if (!ReframedClip.present(CLIP, ProxySyncTest.class)) {
      return;
    }
    copy = ReframedClip.write(CLIP, dir.resolve("GH010001.MP4"), SKIP_FRAMES, scaled(2));
    ReframedClip.write(CLIP, dir.resolve("GL010001.LRV"), SKIP_FRAMES, scaled(1));
    // a proxy of another recording: the clip's first half
    ReframedClip.write(CLIP, dir.resolve("half.mp4"), 110, scaled(1));
    Files.writeString(
        dir.resolve("markers.csv"),
        "name,t_ref\nA,1.5\nB,2.5\nC,3.5\nD,4.5\nE,5.5\nF,6.5\nG,7.5\n");
  }

  private static ReframedClip.Reframe scaled(int factor) {
    return new ReframedClip.Reframe() {
      @Override
      public int[] size(int w, int h) {
        return new int[] {w * factor, h * factor};
      }

      @Override
      public void apply(Mat in, Mat framed) {
        opencv_imgproc.resize(
            in,
            framed,
            new Size(in.cols() * factor, in.rows() * factor),
            0,
            0,
            opencv_imgproc.INTER_CUBIC);
      }
    };
  }

  @Test
  void theProxyBesideTheVideoIsAnalysedAndTheMarkersLandOnTheVideosFrames() throws IOException {
    ReframedClip.assumePresent(CLIP);
    SyncResult r =
        ReframedClip.sync(CLIP, dir.resolve("GH010001.MP4"), dir.resolve("markers.csv"), out);
    assertThat(r.proxy()).isEqualTo(dir.resolve("GL010001.LRV"));
    ReframedClip.Errors errors = ReframedClip.errors(r, copy);
    assertThat(errors.sorted()).as("markers carried over").hasSize(7);
    assertThat(errors.median()).as("median error (frames)").isLessThan(1.0);
    assertThat(errors.max()).as("largest error (frames)").isLessThan(2.5);
    assertThat(errors.inside())
        .as("markers whose 90 %% interval holds the truth")
        .isGreaterThanOrEqualTo(6);
    RunJson run = RunJson.read(r.runDir().resolve(RunJson.NAME));
    assertThat(
            dev.mtbsync.io.Json.MAPPER
                .readTree(r.runDir().resolve(RunJson.NAME).toFile())
                .get("inputs")
                .has("new_proxy"))
        .as("run.json names the proxy")
        .isTrue();
    assertThat(run.inputs().newProxy().path()).endsWith("GL010001.LRV");
    assertThat(run.inputs().neu().path()).endsWith("GH010001.MP4");
  }

  @Test
  void aProxyOfAnotherLengthIsLeftAsideBesideTheVideoAndRefusedByName() throws IOException {
    ReframedClip.assumePresent(CLIP);
    Path video = dir.resolve("GH010001.MP4");
    VideoInfo info = SyncableVideo.probe(video);
    Path other = dir.resolve("other");
    Files.createDirectories(other);
    Path aside = other.resolve("run.mp4");
    Files.copy(video, aside);
    Files.copy(dir.resolve("half.mp4"), other.resolve("run.LRV"));
    List<String> warnings = new ArrayList<>();
    assertThat(NewRunProxy.AUTO.choose(aside, info, warnings)).isNull();
    assertThat(warnings).singleElement().asString().contains("run.LRV", "left aside", "lasts");
    assertThat(NewRunProxy.OFF.choose(video, info, new ArrayList<>())).isNull();
    assertThatThrownBy(
            () -> NewRunProxy.of(dir.resolve("half.mp4")).choose(video, info, new ArrayList<>()))
        .isInstanceOf(VideoFormatException.class)
        .hasMessageContaining("half.mp4")
        .hasMessageContaining("not a proxy of GH010001.MP4");
  }

  @Test
  void theCamerasNamesAreFoundBesideTheVideo() throws IOException {
    Path d = Files.createDirectories(out.resolve("card"));
    for (String name :
        List.of(
            "GX010042.MP4",
            "GL010042.LRV",
            "GOPR0007.MP4",
            "GOPR0007.LRV",
            "DJI_0001.MP4",
            "DJI_0001.LRF")) {
      Files.writeString(d.resolve(name), "");
    }
    assertThat(NewRunProxy.beside(d.resolve("GX010042.MP4")))
        .containsExactly(d.resolve("GL010042.LRV"));
    assertThat(NewRunProxy.beside(d.resolve("GH010042.MP4")))
        .containsExactly(d.resolve("GL010042.LRV"));
    assertThat(NewRunProxy.beside(d.resolve("GOPR0007.MP4")))
        .containsExactly(d.resolve("GOPR0007.LRV"));
    assertThat(NewRunProxy.beside(d.resolve("DJI_0001.MP4")))
        .containsExactly(d.resolve("DJI_0001.LRF"));
    assertThat(NewRunProxy.beside(d.resolve("ride.mp4"))).isEmpty();
  }

  @Test
  void aProxyMustHaveTheVideosLengthAndShapeAndBeSmaller() {
    VideoInfo video = new VideoInfo(1920, 1080, 59.94, 60.06, 3600, "h264");
    assertThat(NewRunProxy.misfit(video, new VideoInfo(864, 480, 29.97, 60.05, 1800, "h264")))
        .as("GoPro's 864x480: 1.25 %% wider, within the slack")
        .isNull();
    assertThat(NewRunProxy.misfit(video, new VideoInfo(864, 480, 29.97, 58.0, 1740, "h264")))
        .contains("lasts 58.00 s");
    assertThat(NewRunProxy.misfit(video, new VideoInfo(640, 480, 29.97, 60.06, 1800, "h264")))
        .contains("another shape");
    assertThat(NewRunProxy.misfit(video, new VideoInfo(1920, 1080, 29.97, 60.06, 1800, "h264")))
        .contains("no smaller");
  }
}
