package dev.mtbsync.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.match.MatchConfig;
import dev.mtbsync.match.MomentRefiner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Markers placed on the new run's own frames: the real road clip against copies that start 12
 * frames later, one zoomed in by 10 %, one rolled by 2 degrees with black corners, with the warp's
 * estimate deliberately 4 frames off either way.
 */
class FramePlacementTest {

  private static final Path CLIP = Path.of("../../shared/data/video/udacity_solidWhiteRight.mp4");
  private static final Path KARMA = Path.of("../../shared/data/video/gpmf-parser_karma.mp4");
  private static final int SKIP_FRAMES = 12;
  private static final double ZOOM = 1.1;

  @TempDir static Path dir;
  static ReframedClip.Copy copy;
  static ReframedClip.Copy rolled;

  @BeforeAll
  static void zoomedCopy() throws IOException {
    if (!ReframedClip.present(CLIP, FramePlacementTest.class)) {
      return;
    }
    copy =
        ReframedClip.write(CLIP, dir.resolve("new.mp4"), SKIP_FRAMES, ReframedClip.zoomedIn(ZOOM));
    if (ReframedClip.present(KARMA, FramePlacementTest.class)) {
      rolled =
          ReframedClip.write(KARMA, dir.resolve("rolled.mp4"), SKIP_FRAMES, ReframedClip.rolled(2));
    }
  }

  private static MomentRefiner refiner() {
    return refiner(CLIP, "new.mp4", ZOOM);
  }

  private static MomentRefiner refiner(Path clip, String copy, double zoom) {
    MatchConfig match = MatchConfig.defaults();
    return new MomentRefiner(
        clip, dir.resolve(copy), OrbConfig.DEFAULT, 2, match.minInliers(), zoom);
  }

  @Test
  void aRolledCopyWithBlackCornersIsPlacedWithoutBias() throws IOException {
    ReframedClip.assumePresent(KARMA);
    // the karma clip rolled: its black corners meet the scene at the picture's edges; counted
    // there, they drew every moment 1.3-2.4 frames early
    double frame = 1 / rolled.fps();
    double[] tRef = {1.5, 3.0, 4.5, 6.0, 7.5, 9.0, 10.5};
    List<MomentRefiner.Request> requests = new ArrayList<>();
    for (int i = 0; i < tRef.length; i++) {
      double off = (i % 2 == 0 ? 4 : -4) * frame;
      requests.add(
          new MomentRefiner.Request(tRef[i], tRef[i] - rolled.offset() + off, 2 * frame, 1));
    }
    List<MomentRefiner.Moment> moments = refiner(KARMA, "rolled.mp4", 1).refine(requests, n -> {});
    List<Double> signed = new ArrayList<>();
    for (int i = 0; i < tRef.length; i++) {
      MomentRefiner.Moment m = moments.get(i);
      assertThat(m).as("moment at %.1f s", tRef[i]).isNotNull();
      signed.add((m.tNew() - (tRef[i] - rolled.offset())) / frame);
    }
    System.out.println("FramePlacementTest: rolled copy's errors (frames) " + signed);
    assertThat(signed).allSatisfy(e -> assertThat(Math.abs(e)).isLessThan(0.5));
    double bias = signed.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    assertThat(Math.abs(bias)).as("mean signed error (frames)").isLessThan(0.25);
  }

  @Test
  void momentsLandWithinAFrameFromEstimatesFourFramesOff() throws IOException {
    ReframedClip.assumePresent(CLIP);
    double frame = 1 / copy.fps();
    List<MomentRefiner.Request> requests = new ArrayList<>();
    double[] tRef = {1.5, 3.0, 4.5, 6.0, 7.5};
    for (int i = 0; i < tRef.length; i++) {
      double truth = tRef[i] - copy.offset();
      double off = (i % 2 == 0 ? 4 : -4) * frame;
      requests.add(new MomentRefiner.Request(tRef[i], truth + off, 2 * frame, 1));
    }
    List<MomentRefiner.Moment> moments = refiner().refine(requests, n -> {});
    boolean[] trusted = MomentRefiner.trusted(moments);
    List<Double> errors = new ArrayList<>();
    int inside = 0;
    for (int i = 0; i < tRef.length; i++) {
      MomentRefiner.Moment m = moments.get(i);
      double truth = tRef[i] - copy.offset();
      assertThat(m).as("moment at %.1f s", tRef[i]).isNotNull();
      assertThat(trusted[i]).as("moment at %.1f s trusted", tRef[i]).isTrue();
      assertThat(m.residual()).as("residual at %.1f s", tRef[i]).isLessThan(0.01);
      double err = Math.abs(m.tNew() - truth);
      errors.add(err / frame);
      if (err <= 1.645 * m.errorSec(1)) {
        inside++;
      }
    }
    System.out.println("FramePlacementTest: errors (frames) " + errors);
    // the warp's estimates were 4 frames off; the frames put every moment within one
    assertThat(errors).allSatisfy(e -> assertThat(e).isLessThan(1.0));
    assertThat(errors.stream().sorted().toList().get(errors.size() / 2)).isLessThan(0.5);
    assertThat(inside).as("90 %% intervals holding the truth").isGreaterThanOrEqualTo(4);
  }

  @Test
  void aMomentBeyondTheReachIsSoughtAgainOverEveryFrame() throws IOException {
    ReframedClip.assumePresent(CLIP);
    // the last estimate is 0.35 s early with an interval of +-0.077 s (as the warp gave the road
    // clip's zoom+10 copy near its end): the walk from it stops in a valley of a frame that only
    // looks alike, 8.6 frames off, which aligns 30 times worse than the true moments around
    double frame = 1 / copy.fps();
    List<MomentRefiner.Request> requests = new ArrayList<>();
    double[] tRef = {1.5, 3.0, 4.5, 6.0, 7.84};
    for (int i = 0; i < tRef.length; i++) {
      double truth = tRef[i] - copy.offset();
      boolean last = i == tRef.length - 1;
      requests.add(
          new MomentRefiner.Request(
              tRef[i], last ? truth - 0.35 : truth + 4 * frame, last ? 0.077 : 2 * frame, 1));
    }
    List<MomentRefiner.Moment> moments = refiner().refine(requests, n -> {});
    boolean[] trusted = MomentRefiner.trusted(moments);
    MomentRefiner.Moment last = moments.get(tRef.length - 1);
    double err = (last.tNew() - (tRef[tRef.length - 1] - copy.offset())) / frame;
    System.out.println("FramePlacementTest: the far estimate's error (frames) " + err);
    assertThat(Math.abs(err))
        .as("within a frame and a half, where the walk left it 8.6 off")
        .isLessThan(1.5);
    assertThat(trusted).containsOnly(true);
  }

  @Test
  void aMomentBeforeTheNewRunStartedIsNotTakenFromTheFrames() throws IOException {
    ReframedClip.assumePresent(CLIP);
    // the copy starts 12 frames (0.48 s) in: the reference's 0.2 s was never filmed by it, and
    // whatever frame near the copy's start looks most alike aligns far worse than true moments
    double frame = 1 / copy.fps();
    List<MomentRefiner.Request> requests = new ArrayList<>();
    requests.add(new MomentRefiner.Request(0.2, 0.0, 0.04, 1));
    for (double tRef : new double[] {2.0, 4.0, 6.0}) {
      requests.add(new MomentRefiner.Request(tRef, tRef - copy.offset() + frame, 2 * frame, 1));
    }
    List<MomentRefiner.Moment> moments = refiner().refine(requests, n -> {});
    boolean[] trusted = MomentRefiner.trusted(moments);
    assertThat(trusted).containsExactly(false, true, true, true);
  }
}
