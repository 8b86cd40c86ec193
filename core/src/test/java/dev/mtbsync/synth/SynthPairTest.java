package dev.mtbsync.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.Progress;
import dev.mtbsync.video.FfmpegFrameSource;
import dev.mtbsync.video.FrameSource;
import dev.mtbsync.video.OrbMatcher;
import dev.mtbsync.video.VideoFrame;
import io.jenetics.jpx.GPX;
import io.jenetics.jpx.WayPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders one short pair and checks that what it claims about itself is true. */
class SynthPairTest {

  private static final SynthConfig CONFIG = new SynthConfig(7, 8, 640, 360, 30, 60);

  @TempDir static Path dir;
  static SynthRenderer.Result result;

  @BeforeAll
  static void render() throws IOException {
    result = SynthRenderer.render(CONFIG, dir, Progress.NONE);
  }

  @Test
  void writesBothVideosWithTheFramesTheTruthDescribes() throws IOException {
    SynthTruth truth = result.truth();
    assertVideo(dir.resolve("ref.mp4"), truth.ref());
    assertVideo(dir.resolve("new.mp4"), truth.newRun());
    assertThat(truth.newRun().frames()).isEqualTo(truth.mapping().tNew().length);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("only the finished files, no temporaries")
          .containsExactlyInAnyOrder(
              "ref.mp4", "new.mp4", "ref_markers.csv", "ref.gpx", "new.gpx", "truth.json");
    }
  }

  @Test
  void newFrameShowsThePlaceOfTheReferenceFrameAtTheTrueTime() throws IOException {
    SynthTruth truth = result.truth();
    double refFps = truth.ref().fps();
    int step = 15;
    try (OrbMatcher orb = new OrbMatcher()) {
      List<OrbMatcher.Features> ref = new ArrayList<>();
      try (FrameSource src = FfmpegFrameSource.open(dir.resolve("ref.mp4"))) {
        for (VideoFrame f = src.next(); f != null; f = src.next()) {
          ref.add(orb.features(f));
        }
      }
      int compared = 0;
      try (FrameSource src = FfmpegFrameSource.open(dir.resolve("new.mp4"))) {
        for (VideoFrame f = src.next(); f != null; f = src.next()) {
          int i = (int) f.index();
          int j = (int) Math.round(truth.mapping().tRef()[i] * refFps);
          if (i % step != 0 || j < 0 || j >= ref.size()) {
            continue;
          }
          OrbMatcher.Features here = orb.features(f);
          int same = orb.inliers(here, ref.get(j));
          int away = 0;
          for (int other : new int[] {j - (int) refFps, j + (int) refFps}) {
            if (other >= 0 && other < ref.size()) {
              away = Math.max(away, orb.inliers(here, ref.get(other)));
            }
          }
          assertThat(same)
              .as("new frame %d (t=%.2f s) against the reference at the true time", i, f.ptsSec())
              .isGreaterThanOrEqualTo(60)
              .isGreaterThanOrEqualTo(4 * away);
          compared++;
        }
      }
      assertThat(compared).isGreaterThan(30);
    }
  }

  @Test
  void truthFileIsTheRenderedPlansTruth() throws IOException {
    byte[] written = Files.readAllBytes(dir.resolve("truth.json"));
    assertThat(written).isEqualTo(SynthPlan.of(CONFIG).truth().toJson());
    assertThat(SynthTruth.read(dir.resolve("truth.json")).markers())
        .isEqualTo(result.truth().markers());
  }

  @Test
  void markersCsvHasTheReferenceColumns() throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve("ref_markers.csv"));
    assertThat(lines.get(0)).isEqualTo("name,t_ref,colour,comment");
    assertThat(lines).hasSize(result.markers().size() + 1);
    assertThat(lines.get(1)).startsWith(result.markers().get(0).name() + ",");
  }

  @Test
  void gpxTracksFollowOneTrailOnEachRunsOwnClock() throws IOException {
    List<WayPoint> ref = points(dir.resolve("ref.gpx"));
    List<WayPoint> neu = points(dir.resolve("new.gpx"));
    assertThat(ref).hasSize((int) CONFIG.durationSec() + 1);
    assertThat(neu).hasSize((int) Math.floor(result.truth().newRun().durationSec()) + 1);
    for (List<WayPoint> track : List.of(ref, neu)) {
      for (int i = 1; i < track.size(); i++) {
        Duration dt =
            Duration.between(
                track.get(i - 1).getTime().orElseThrow(), track.get(i).getTime().get());
        assertThat(dt).isEqualTo(Duration.ofSeconds(1));
      }
    }
    assertThat(Duration.between(ref.get(0).getTime().get(), neu.get(0).getTime().get()))
        .isBetween(Duration.ofMinutes(20), Duration.ofMinutes(40));
    // same trail: the runs start within a few seconds of riding of each other
    assertThat(metres(ref.get(0), neu.get(0))).isLessThan(60);
  }

  private static void assertVideo(Path file, SynthTruth.Clip clip) throws IOException {
    try (FrameSource src = FfmpegFrameSource.open(file)) {
      assertThat(src.info().codec()).isEqualTo("h264");
      assertThat(src.info().width()).isEqualTo(clip.width());
      assertThat(src.info().height()).isEqualTo(clip.height());
      assertThat(src.info().fps()).isCloseTo(clip.fps(), org.assertj.core.data.Offset.offset(1e-3));
      long n = 0;
      for (VideoFrame f = src.next(); f != null; f = src.next()) {
        assertThat(f.ptsSec())
            .as("presentation time of frame %d", n)
            .isCloseTo(n / clip.fps(), org.assertj.core.data.Offset.offset(1e-3));
        n++;
      }
      assertThat(n).isEqualTo(clip.frames());
    }
  }

  private static List<WayPoint> points(Path gpx) throws IOException {
    return GPX.read(gpx).tracks().flatMap(t -> t.segments()).flatMap(s -> s.points()).toList();
  }

  private static double metres(WayPoint a, WayPoint b) {
    double dLat = Math.toRadians(b.getLatitude().doubleValue() - a.getLatitude().doubleValue());
    double dLon = Math.toRadians(b.getLongitude().doubleValue() - a.getLongitude().doubleValue());
    double x = dLon * Math.cos(Math.toRadians(a.getLatitude().doubleValue()));
    return 6_371_000 * Math.hypot(x, dLat);
  }
}
