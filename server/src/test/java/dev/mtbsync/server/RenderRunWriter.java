package dev.mtbsync.server;

import dev.mtbsync.Progress;
import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.io.Json;
import dev.mtbsync.markers.MarkerCsv;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.runs.TimewarpFile;
import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthRenderer;
import dev.mtbsync.synth.SynthTruth;
import dev.mtbsync.video.FileSignature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run folder that can be rendered, without the cost of a sync: a small synth pair (outside the
 * root, as footage is), run.json naming it with its signatures, the true warp as timewarp.json and
 * the true markers as new_markers.csv.
 */
final class RenderRunWriter {

  private RenderRunWriter() {}

  /** Renders a 320x180 pair of {@code seconds} into {@code pairDir} (30 fps both). */
  static Path pair(Path pairDir, double seconds) throws IOException {
    SynthRenderer.render(new SynthConfig(5, seconds, 320, 180, 30, 30), pairDir, Progress.NONE);
    return pairDir;
  }

  /** Writes run {@code id} of {@code pair} into {@code root}; returns its folder. */
  static Path write(Path root, String id, Path pair) throws IOException {
    SynthTruth truth = SynthTruth.read(pair.resolve(SynthRenderer.TRUTH));
    Path dir = Files.createDirectories(root.resolve(id));
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("reference", FileSignature.of(pair.resolve("ref.mp4")));
    inputs.put("new", FileSignature.of(pair.resolve("new.mp4")));
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("schema_version", 1);
    run.put("run_id", id);
    run.put("inputs", inputs);
    run.put("ok", true);
    Json.write(dir.resolve("run.json"), run);
    double[] tNew = truth.mapping().tNew();
    double end = tNew[tNew.length - 1];
    int n = (int) Math.floor(end / 0.1);
    double[] t = new double[n];
    double[] ref = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = 0.1 * i;
      ref[i] = truth.mapping().refTimeAt(t[i]);
    }
    double[] confidence = new double[n];
    Arrays.fill(confidence, 0.9);
    TimewarpFile.write(
        dir.resolve("timewarp.json"),
        new MonotoneWarp(t, ref, confidence),
        null,
        WarpConfig.DEFAULT,
        List.of());
    List<NewMarker> markers = new ArrayList<>();
    for (SynthTruth.MarkerTruth m : truth.markers()) {
      double at = m.tNew() == null ? Double.NaN : m.tNew();
      markers.add(new NewMarker(m.name(), m.tRef(), at, 0.9, false, "", ""));
    }
    MarkerCsv.writeNew(markers, dir.resolve("new_markers.csv"));
    return dir;
  }
}
