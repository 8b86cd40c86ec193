package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.Progress;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.markers.MarkerCsv;
import dev.mtbsync.markers.RefMarker;
import dev.mtbsync.match.MatchConfig;
import dev.mtbsync.match.TimePair;
import dev.mtbsync.runs.PairsCsv;
import dev.mtbsync.runs.RunRefit;
import dev.mtbsync.runs.SyncPipeline;
import dev.mtbsync.runs.SyncRequest;
import dev.mtbsync.runs.SyncResult;
import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthRenderer;
import dev.mtbsync.synth.SynthTruth;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A real run folder whose warp is broken in one stretch, as the pictures break it at a look-alike
 * place: a rendered pair (new run at 30 fps) is synced, then the verified pairs of new times
 * {@value #FROM} to {@value #TO} s are moved {@value #SHIFT} s earlier in the reference (consistent
 * among themselves, wrong by seconds) and the run is refitted without pins. Reference markers sit
 * inside the stretch (named {@code in-1}...) and outside it.
 */
final class BrokenRun {

  static final double FRAME = 1 / 30.0;
  static final double FROM = 8;
  static final double TO = 11;
  static final double SHIFT = -5;

  final Path root;
  final Path runDir;
  final String runId;
  final SynthTruth truth;

  private BrokenRun(Path root, Path runDir, SynthTruth truth) {
    this.root = root;
    this.runDir = runDir;
    this.runId = root.relativize(runDir).toString().replace('\\', '/');
    this.truth = truth;
  }

  /** Renders, syncs and breaks a run under {@code work/root}. */
  static BrokenRun make(Path work) throws IOException {
    Path pair = work.resolve("pair");
    SynthRenderer.render(new SynthConfig(3, 16, 480, 270, 30, 30), pair, Progress.NONE);
    SynthTruth truth = SynthTruth.read(pair.resolve("truth.json"));
    List<RefMarker> markers = new ArrayList<>();
    double[] at = {3, FROM + 0.6, FROM + 1.5, FROM + 2.4, 14};
    for (int i = 0; i < at.length; i++) {
      boolean inside = at[i] > FROM && at[i] < TO;
      String name = inside ? "in-" + i : "out-" + i;
      markers.add(new RefMarker(name, truth.mapping().refTimeAt(at[i]), "", ""));
    }
    Path refMarkers = pair.resolve("markers.csv");
    MarkerCsv.writeReference(markers, refMarkers);
    Path root = work.resolve("root");
    SyncResult synced =
        SyncPipeline.run(
            new SyncRequest(
                pair.resolve("ref.mp4"),
                pair.resolve("new.mp4"),
                null,
                refMarkers,
                root,
                OrbConfig.DEFAULT,
                new OrbConfig(3, 960, 500, false),
                MatchConfig.defaults(),
                WarpConfig.DEFAULT,
                0.6),
            Progress.NONE);
    assertThat(synced.ok()).as(String.join("; ", synced.problems())).isTrue();
    Path raw = synced.runDir().resolve("pairs_raw.csv");
    List<String> rows = new ArrayList<>(List.of("t_new,t_ref,score,n_inliers"));
    for (TimePair p : PairsCsv.read(raw)) {
      double tRef = p.tNew() > FROM && p.tNew() < TO ? p.tRef() + SHIFT : p.tRef();
      rows.add(
          String.format(Locale.ROOT, "%.6f,%.6f,%.4f,%d", p.tNew(), tRef, p.score(), p.inliers()));
    }
    java.nio.file.Files.write(raw, rows);
    RunRefit.refit(synced.runDir(), List.of(), FRAME);
    java.nio.file.Files.delete(synced.runDir().resolve(RunRefit.AUTO_TIMEWARP));
    java.nio.file.Files.delete(synced.runDir().resolve(dev.mtbsync.runs.AnchorsCsv.FILE));
    return new BrokenRun(root, synced.runDir(), truth);
  }

  /** The true new time of a reference time: the first new frame time that reaches it. */
  double truthNew(double tRef) {
    SynthTruth.Mapping m = truth.mapping();
    for (int i = 1; i < m.tNew().length; i++) {
      if (m.tRef()[i] >= tRef) {
        double f = (tRef - m.tRef()[i - 1]) / (m.tRef()[i] - m.tRef()[i - 1]);
        return m.tNew()[i - 1] + f * (m.tNew()[i] - m.tNew()[i - 1]);
      }
    }
    return Double.NaN;
  }

  /**
   * A pin as a rider places it: both videos stepped, frame by frame, near {@code tNew} (within five
   * frames) until the two pictures show the same moment best, i.e. the pair of frames whose true
   * times differ least.
   */
  double[] pinAt(double tNew) {
    double[] best = null;
    double bestErr = Double.POSITIVE_INFINITY;
    for (int k = -5; k <= 5; k++) {
      double onFrame = (Math.round(tNew / FRAME) + k) * FRAME;
      double refFrame = Math.round(truth.mapping().refTimeAt(onFrame) / FRAME) * FRAME;
      double err = Math.abs(refFrame - truth.mapping().refTimeAt(onFrame));
      if (err < bestErr) {
        bestErr = err;
        best = new double[] {onFrame, refFrame};
      }
    }
    return best;
  }
}
