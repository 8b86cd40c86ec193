package dev.mtbsync.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtbsync.Progress;
import dev.mtbsync.video.FfmpegFrameSource;
import dev.mtbsync.video.VideoFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a synth pair whose warp is the known truth over part of the new run, decodes the result
 * and checks it frame by frame against the source videos.
 */
class ComparisonRendererTest {

  /** The warp covers new times 1.0 to 3.5 s; before and after, the reference side has no match. */
  static final double FROM = 1.0;

  static final double TO = 3.5;

  @TempDir static Path tmp;
  static RunFixture fixture;
  static Path video;
  static RenderResult result;
  static List<VideoFrame> output;
  static List<VideoFrame> ref;
  static List<VideoFrame> neu;
  static long progressCalls;

  @BeforeAll
  static void render() throws IOException {
    fixture = RunFixture.render(tmp.resolve("pair"), 5);
    Path run = fixture.runFolder(tmp.resolve("run"), FROM, TO);
    // 640x360 side by side: each run's 320x180 picture goes in unscaled
    RenderConfig config =
        new RenderConfig(Layout.SIDE_BY_SIDE, Follow.NEW, 640, 360, null, null, 12, Audio.AUTO);
    video = tmp.resolve("out/compare.mp4");
    AtomicLong calls = new AtomicLong();
    result =
        ComparisonRenderer.render(
            RenderInputs.read(run), config, video, (s, done, total) -> calls.incrementAndGet());
    progressCalls = calls.get();
    output = decode(video);
    ref = decode(fixture.pair.resolve("ref.mp4"));
    neu = decode(fixture.pair.resolve("new.mp4"));
  }

  @Test
  void writesAnH264Yuv420pVideoOfTheFollowedRunsLengthAndRate() throws IOException {
    assertThat(video).isRegularFile();
    try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile())) {
      g.start();
      assertThat(g.getVideoCodecName()).isEqualTo("h264");
      assertThat(g.getFormatContext().streams(0).codecpar().format())
          .isEqualTo(avutil.AV_PIX_FMT_YUV420P);
      assertThat(g.getFrameRate()).isCloseTo(60, org.assertj.core.data.Offset.offset(0.01));
      g.stop();
    }
    assertThat(output.get(0).width()).isEqualTo(640);
    assertThat(output.get(0).height()).isEqualTo(360);
    assertThat(output).hasSize(neu.size());
    assertThat(result.frames()).isEqualTo(neu.size());
    assertThat(progressCalls).isEqualTo(neu.size());
    // 2.5 s of 60 fps are covered, give or take the frames at the ends
    assertThat(result.matchedFrames()).isBetween(148L, 152L);
    try (var files = Files.list(video.getParent())) {
      assertThat(files).containsExactly(video); // no temporary file left beside it
    }
  }

  @Test
  void theReTimedSideShowsTheReferenceFrameAtTheTrueTime() {
    for (double t = 1.2; t < 3.4; t += 0.37) {
      VideoFrame out = output.get((int) Math.round(t * 60));
      double tRef = fixture.refTimeAt(t);
      double atTruth = mad(out, 320, nearest(ref, tRef));
      double before = mad(out, 320, nearest(ref, tRef - 0.5));
      double after = mad(out, 320, nearest(ref, tRef + 0.5));
      assertThat(atTruth)
          .as("reference side at new %.2f s (truth %.2f s)", t, tRef)
          .isLessThan(0.5 * Math.min(before, after))
          .isLessThan(6);
    }
  }

  @Test
  void theFollowedSidePlaysTheNewRunFrameForFrame() {
    for (int i = 10; i + 30 < output.size(); i += 97) {
      VideoFrame out = output.get(i);
      assertThat(mad(out, 0, neu.get(i))).as("frame %d", i).isLessThan(6);
      assertThat(mad(out, 0, neu.get(i))).isLessThan(0.5 * mad(out, 0, neu.get(i + 30)));
    }
  }

  @Test
  void whereTheWarpDoesNotCoverTheReferenceSideShowsTheNoMatchCard() {
    for (double t : new double[] {0.3, 0.8, 3.8, 4.6}) {
      VideoFrame out = output.get((int) Math.round(t * 60));
      // a corner of the card, clear of its text: flat grey with the hatch's stripes
      double[] stats = greyStats(out, 320 + 10, 90 + 140, 60, 30);
      assertThat(stats[0]).as("mean at %.1f s", t).isBetween(40.0, 70.0);
      assertThat(stats[1]).as("colour spread at %.1f s", t).isLessThan(4);
      assertThat(mad(out, 320, nearest(ref, 0))).isGreaterThan(15);
    }
  }

  @Test
  void aGateRangeStartsAtTheFromGateWithBothSidesInStep() throws IOException {
    // a warp over most of the run, and gates far enough in that both videos are sought to them
    Path run = fixture.runFolder(tmp.resolve("run-long"), 0.5, 6.0);
    RunFixture.Gate from = fixture.gateWithin(ComparisonRenderer.SEEK_AFTER_SEC + 1, 6.0);
    RunFixture.Gate to = fixture.gateWithin(from.tNew() + 0.5, 6.0);
    Path out = tmp.resolve("range/compare.mp4");
    RenderConfig config =
        new RenderConfig(
            Layout.SIDE_BY_SIDE, Follow.NEW, 640, 360, from.name(), to.name(), 12, Audio.AUTO);
    RenderResult r = ComparisonRenderer.render(RenderInputs.read(run), config, out, Progress.NONE);
    List<VideoFrame> frames = decode(out);
    assertThat(frames).hasSize((int) Math.round((to.tNew() - from.tNew()) * 60));
    assertThat(r.matchedFrames()).isEqualTo(frames.size());
    VideoFrame firstOut = frames.get(0);
    assertThat(mad(firstOut, 0, nearest(neu, from.tNew()))).isLessThan(6);
    assertThat(mad(firstOut, 320, nearest(ref, fixture.refTimeAt(from.tNew())))).isLessThan(6);
  }

  @Test
  void skippingToATimeGivesTheFrameThereOrJustBefore() throws IOException {
    try (FfmpegFrameSource s = FfmpegFrameSource.open(fixture.pair.resolve("ref.mp4"))) {
      s.skipTo(2.0);
      VideoFrame f = s.next();
      assertThat(f.ptsSec()).isBetween(1.9, 2.001);
      VideoFrame same = nearest(ref, f.ptsSec());
      assertThat(mad(f, same)).isLessThan(0.5);
    }
  }

  @Test
  void aGateOutsideTheRunIsRefusedBeforeAnyVideoIsWritten() {
    Path out = tmp.resolve("refused/compare.mp4");
    RenderConfig config =
        new RenderConfig(
            Layout.STACKED, Follow.NEW, 320, 640, "No Such Gate", null, 20, Audio.NONE);
    assertThatThrownBy(
            () ->
                ComparisonRenderer.render(
                    RenderInputs.read(tmp.resolve("run")), config, out, Progress.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("from gate 'No Such Gate' is not a marker (markers: ");
    assertThat(out).doesNotExist();
  }

  static List<VideoFrame> decode(Path file) throws IOException {
    List<VideoFrame> frames = new ArrayList<>();
    try (FfmpegFrameSource s = FfmpegFrameSource.open(file)) {
      for (VideoFrame f = s.next(); f != null; f = s.next()) {
        frames.add(f);
      }
    }
    return frames;
  }

  static VideoFrame nearest(List<VideoFrame> frames, double t) {
    VideoFrame best = frames.get(0);
    for (VideoFrame f : frames) {
      if (Math.abs(f.ptsSec() - t) < Math.abs(best.ptsSec() - t)) {
        best = f;
      }
    }
    return best;
  }

  /**
   * Mean absolute difference between a source frame (320x180) and the output's picture at {@code
   * x0}, over the middle of the picture, clear of the burned-in text.
   */
  static double mad(VideoFrame out, int x0, VideoFrame src) {
    int y0 = 90; // the 180 px picture sits in the middle of the 360 px tall output
    long sum = 0;
    int n = 0;
    for (int y = 30; y < 130; y++) {
      for (int x = 20; x < 300; x++) {
        for (int c = 0; c < 3; c++) {
          int a = out.pixels()[((y0 + y) * out.width() + x0 + x) * 3 + c] & 0xff;
          int b = src.pixels()[(y * src.width() + x) * 3 + c] & 0xff;
          sum += Math.abs(a - b);
          n++;
        }
      }
    }
    return (double) sum / n;
  }

  /** Mean absolute difference between two whole frames of one size. */
  static double mad(VideoFrame a, VideoFrame b) {
    long sum = 0;
    for (int i = 0; i < a.pixels().length; i++) {
      sum += Math.abs((a.pixels()[i] & 0xff) - (b.pixels()[i] & 0xff));
    }
    return (double) sum / a.pixels().length;
  }

  /** Mean brightness and the mean spread between colour channels over a region. */
  static double[] greyStats(VideoFrame f, int x0, int y0, int w, int h) {
    double sum = 0;
    double spread = 0;
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        int i = (y * f.width() + x) * 3;
        int b = f.pixels()[i] & 0xff;
        int g = f.pixels()[i + 1] & 0xff;
        int r = f.pixels()[i + 2] & 0xff;
        sum += (b + g + r) / 3.0;
        spread += Math.max(b, Math.max(g, r)) - Math.min(b, Math.min(g, r));
      }
    }
    return new double[] {sum / (w * h), spread / (w * h)};
  }
}
