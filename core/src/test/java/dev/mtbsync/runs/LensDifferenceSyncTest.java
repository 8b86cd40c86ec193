package dev.mtbsync.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.mtbsync.Progress;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.match.MatchConfig;
import dev.mtbsync.synth.NewCamera;
import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthRenderer;
import dev.mtbsync.synth.SynthTruth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A synth pair whose new run is filmed through an equidistant fisheye (as GoPro Wide against a
 * Linear reference), synced with and without the lens estimate: the estimate must find a barrel (k
 * below zero), bring the markers closer to the truth, and leave no marker far off unflagged.
 */
class LensDifferenceSyncTest {

  private static final double FRAME = 1 / 60.0;

  @TempDir static Path pair;
  @TempDir Path out;

  @BeforeAll
  static void render() throws IOException {
    NewCamera fisheye =
        new NewCamera(
            1.0,
            NewCamera.Lens.FISHEYE,
            NewCamera.Aspect.WIDE,
            NewCamera.HELMET_HEIGHT_M,
            0,
            null,
            false,
            0);
    SynthRenderer.render(
        new SynthConfig(5, 14, 640, 360, 30, 60).withNewCamera(fisheye), pair, Progress.NONE);
  }

  private SyncResult sync(boolean lens) throws IOException {
    return SyncPipeline.run(
        new SyncRequest(
            pair.resolve("ref.mp4"),
            pair.resolve("new.mp4"),
            null,
            pair.resolve("ref_markers.csv"),
            out.resolve(lens ? "with" : "without"),
            OrbConfig.DEFAULT,
            new OrbConfig(6, 960, 500, false),
            MatchConfig.defaults().withLens(lens),
            WarpConfig.DEFAULT,
            0.6),
        Progress.NONE);
  }

  /** Absolute errors (s) of the markers against the truth, sorted. */
  private static List<Double> errors(SyncResult r, SynthTruth truth) {
    List<Double> errors = new ArrayList<>();
    for (int i = 0; i < r.markers().size(); i++) {
      NewMarker m = r.markers().get(i);
      Double t = truth.markers().get(i).tNew();
      if (t != null && !Double.isNaN(m.tNew())) {
        errors.add(Math.abs(m.tNew() - t));
        if (Math.abs(m.tNew() - t) > 3 * FRAME) {
          assertThat(m.needsReview())
              .as("marker %s off by %.1f frames", m.name(), (m.tNew() - t) / FRAME)
              .isTrue();
        }
      }
    }
    Collections.sort(errors);
    return errors;
  }

  @Test
  void aFisheyeNewRunIsFoundAsABarrelAndItsMarkersLandCloser() throws IOException {
    SynthTruth truth = SynthTruth.read(pair.resolve("truth.json"));
    SyncResult without = sync(false);
    SyncResult with = sync(true);
    assertThat(with.ok()).as(String.join("; ", with.problems())).isTrue();

    assertThat(without.camera().lens().searched()).isFalse();
    assertThat(with.camera().lens().applied()).isTrue();
    assertThat(with.camera().lens().k()).as("lens k of a fisheye new run").isBetween(-0.6, -0.2);
    assertThat(with.camera().lens().rmsFitPx()).isLessThan(with.camera().lens().rmsNonePx());
    // the lens taken out, the centre's scale is the fisheye's own: the same focal length
    assertThat(with.camera().zoom()).as("zoom with the lens").isCloseTo(1.0, offset(0.03));
    assertThat(without.camera().zoom()).as("zoom without the lens").isLessThan(0.95);

    List<Double> before = errors(without, truth);
    List<Double> after = errors(with, truth);
    assertThat(after).hasSizeGreaterThanOrEqualTo(5);
    double medianBefore = before.get(before.size() / 2);
    double medianAfter = after.get(after.size() / 2);
    System.out.printf(
        "fisheye pair: median marker error %.2f frames without the lens estimate, %.2f with"
            + " (k %.3f)%n",
        medianBefore / FRAME, medianAfter / FRAME, with.camera().lens().k());
    assertThat(medianAfter).as("median error (s) with the lens").isLessThan(medianBefore);
    long inside = 0;
    for (int i = 0; i < with.markers().size(); i++) {
      NewMarker m = with.markers().get(i);
      Double t = truth.markers().get(i).tNew();
      if (t != null && m.tNewLo() <= t && t <= m.tNewHi()) {
        inside++;
      }
    }
    assertThat(inside)
        .as("markers whose 90 %% interval holds the truth")
        .isGreaterThanOrEqualTo(Math.round(0.85 * after.size()));
    assertThat(Files.readString(with.runDir().resolve("timewarp.json")))
        .contains("\"lens\" : \"differs\"")
        .contains("\"lens_k\" : -0.");
  }
}
