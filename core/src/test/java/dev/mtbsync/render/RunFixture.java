package dev.mtbsync.render;

import dev.mtbsync.Progress;
import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.io.Json;
import dev.mtbsync.markers.MarkerCsv;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.runs.TimewarpFile;
import dev.mtbsync.synth.NewCamera;
import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthRenderer;
import dev.mtbsync.synth.SynthTruth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A rendered synth pair and a run folder for it whose warp is the known truth over a chosen part of
 * the new run, so a render can be checked frame by frame against the truth.
 */
final class RunFixture {

  final Path pair;
  final SynthTruth truth;

  private RunFixture(Path pair, SynthTruth truth) {
    this.pair = pair;
    this.truth = truth;
  }

  /** A small pair: 320x180, reference at 30 fps, new run at 60 fps. */
  static RunFixture render(Path dir, double durationSec) throws IOException {
    return render(dir, durationSec, NewCamera.DEFAULT);
  }

  /** As {@link #render(Path, double)}, the new run filmed by {@code camera}. */
  static RunFixture render(Path dir, double durationSec, NewCamera camera) throws IOException {
    SynthRenderer.render(
        new SynthConfig(5, durationSec, 320, 180, 30, 60).withNewCamera(camera),
        dir,
        Progress.NONE);
    return new RunFixture(dir, SynthTruth.read(dir.resolve(SynthRenderer.TRUTH)));
  }

  /**
   * Writes a run folder whose warp is the truth between new times {@code from} and {@code to} (s),
   * and whose markers are the truth's markers.
   */
  Path runFolder(Path dir, double from, double to) throws IOException {
    Files.createDirectories(dir);
    Json.write(
        dir.resolve("run.json"),
        Map.of(
            "schema_version",
            1,
            "inputs",
            Map.of(
                "reference", Map.of("path", pair.resolve("ref.mp4").toString()),
                "new", Map.of("path", pair.resolve("new.mp4").toString()))));
    TimewarpFile.write(
        dir.resolve("timewarp.json"), warp(from, to), null, WarpConfig.DEFAULT, List.of());
    List<NewMarker> markers = new ArrayList<>();
    for (SynthTruth.MarkerTruth m : truth.markers()) {
      double tNew = m.tNew() == null ? Double.NaN : m.tNew();
      markers.add(new NewMarker(m.name(), m.tRef(), tNew, 0.9, false, "", ""));
    }
    MarkerCsv.writeNew(markers, dir.resolve("new_markers.csv"));
    return dir;
  }

  /** The true warp between new times {@code from} and {@code to}, a knot every 0.1 s. */
  MonotoneWarp warp(double from, double to) {
    int n = (int) Math.round((to - from) / 0.1) + 1;
    double[] tNew = new double[n];
    double[] tRef = new double[n];
    for (int i = 0; i < n; i++) {
      tNew[i] = from + (to - from) * i / (n - 1);
      tRef[i] = truth.mapping().refTimeAt(tNew[i]);
    }
    double[] confidence = new double[n];
    Arrays.fill(confidence, 0.9);
    return new MonotoneWarp(tNew, tRef, confidence);
  }

  /** A marker of the pair, with its true new time (s). */
  record Gate(String name, double tNew) {}

  /** The first marker the new run reaches between new times {@code from} and {@code to} (s). */
  Gate gateWithin(double from, double to) {
    for (SynthTruth.MarkerTruth m : truth.markers()) {
      if (m.tNew() != null && m.tNew() >= from && m.tNew() <= to) {
        return new Gate(m.name(), m.tNew());
      }
    }
    throw new IllegalStateException("no marker between " + from + " and " + to + " s");
  }

  /** The true reference time at new time {@code t} (s). */
  double refTimeAt(double t) {
    return truth.mapping().refTimeAt(t);
  }
}
