package dev.mtbsync.server;

import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.align.WarpFitter;
import dev.mtbsync.io.Json;
import dev.mtbsync.markers.MarkerCsv;
import dev.mtbsync.markers.MarkerTransfer;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.markers.RefMarker;
import dev.mtbsync.match.TimePair;
import dev.mtbsync.quality.QualityRecord;
import dev.mtbsync.quality.QualityTracker;
import dev.mtbsync.quality.RegressionThresholds;
import dev.mtbsync.runs.BatchRow;
import dev.mtbsync.runs.BatchSummaryCsv;
import dev.mtbsync.runs.PairsCsv;
import dev.mtbsync.runs.Perf;
import dev.mtbsync.runs.PerfFile;
import dev.mtbsync.runs.TimewarpFile;
import dev.mtbsync.video.FileSignature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes run folders as a sync does, with the engine's own writers: pairs drawn around a known
 * non-linear warp (with noise and outliers), the warp fitted by {@link WarpFitter}, markers carried
 * over by {@link MarkerTransfer}, perf figures, and the quality history and verdict. The folder
 * appears at once (written aside, then renamed), as a sync's does.
 */
final class RunWriter {

  /** The true mapping the pairs are drawn around: t_ref = 2 + 0.92 t + 0.5 sin(t / 3). */
  static double truth(double tNew) {
    return 2 + 0.92 * tNew + 0.5 * Math.sin(tNew / 3);
  }

  static final List<RefMarker> MARKERS =
      List.of(
          new RefMarker("Gate 1", 4.0, "blue", ""),
          new RefMarker("Big jump", 9.5, "red", "send it"),
          new RefMarker("Berm", 15.25, "green", ""),
          new RefMarker("Finish", 40.0, "yellow", "past the end of the new run"));

  /** A run that passes its gates. */
  static Path write(Path root, String id, long seed) throws IOException {
    return write(root, id, seed, perf(seed), null, null);
  }

  /**
   * @param refVideo the reference video named in run.json (with its signature), or null
   * @param newVideo the new video named in run.json, or null
   */
  static Path write(Path root, String id, long seed, Perf perf, Path refVideo, Path newVideo)
      throws IOException {
    Random rnd = new Random(seed);
    List<TimePair> raw = new ArrayList<>();
    for (double t = 0.2; t <= 20; t += 1 / 3.0) {
      boolean outlier = rnd.nextDouble() < 0.08;
      double tRef = outlier ? 25 * rnd.nextDouble() : truth(t) + 0.02 * rnd.nextGaussian();
      raw.add(new TimePair(t, tRef, 0.45 + 0.5 * rnd.nextDouble(), 20 + rnd.nextInt(80)));
    }
    WarpFitter.Fit fit = WarpFitter.fit(raw, WarpConfig.DEFAULT);
    Path partial = Files.createDirectories(root.resolve("." + id + ".partial"));
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("schema_version", 1);
    run.put("run_id", id);
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("reference", refVideo == null ? null : FileSignature.of(refVideo));
    inputs.put("new", newVideo == null ? null : FileSignature.of(newVideo));
    run.put("inputs", inputs);
    run.put("finished", Instant.now().toString());
    run.put("ok", fit.quality().ok());
    Json.write(partial.resolve("run.json"), run);
    PairsCsv.writeRaw(partial.resolve("pairs_raw.csv"), raw);
    List<TimePair> kept = new ArrayList<>();
    for (int i = 0; i < fit.pairs().size(); i++) {
      if (fit.inlier()[i]) {
        kept.add(fit.pairs().get(i));
      }
    }
    PairsCsv.write(partial.resolve("pairs.csv"), kept);
    TimewarpFile.write(
        partial.resolve("timewarp.json"), fit.warp(), fit.quality(), WarpConfig.DEFAULT, List.of());
    PerfFile.write(partial.resolve(PerfFile.NAME), id, perf);
    List<NewMarker> markers = MarkerTransfer.transfer(MARKERS, fit.warp(), 0.6);
    MarkerCsv.writeNew(markers, partial.resolve("new_markers.csv"));
    Path dir = root.resolve(id);
    Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
    QualityTracker.record(
        root,
        new QualityRecord(
            id,
            Instant.now().toString(),
            "new.mp4",
            fit.quality().p90(),
            fit.quality().ppm(),
            fit.quality().inlierFrac(),
            perf.fps(),
            perf.cpuPct(),
            perf.rssMb(),
            perf.gpuUtil(),
            perf.gpuMemMb()),
        RegressionThresholds.DEFAULT);
    return dir;
  }

  /**
   * A sync that found no warp, written as the pipeline writes one: run.json with {@code ok: false}
   * and its problems, timewarp.json without a mapping (the writer's filler a = 1, b = 0), the pairs
   * it tried, and perf.json.
   */
  static Path writeFailed(Path root, String id, String problem) throws IOException {
    Path dir = Files.createDirectories(root.resolve(id));
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("schema_version", 1);
    run.put("run_id", id);
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("reference", null);
    inputs.put("new", null);
    run.put("inputs", inputs);
    run.put("finished", Instant.now().toString());
    run.put("ok", false);
    run.put("problems", List.of(problem));
    Json.write(dir.resolve("run.json"), run);
    Random rnd = new Random(7);
    List<TimePair> raw = new ArrayList<>();
    for (double t = 0.2; t <= 6; t += 1) {
      raw.add(new TimePair(t, 30 * rnd.nextDouble(), 0.2, 5));
    }
    PairsCsv.writeRaw(dir.resolve("pairs_raw.csv"), raw);
    PairsCsv.write(dir.resolve("pairs.csv"), List.of());
    TimewarpFile.write(
        dir.resolve("timewarp.json"), null, null, WarpConfig.DEFAULT, List.of(problem));
    PerfFile.write(dir.resolve(PerfFile.NAME), id, perf(9));
    return dir;
  }

  /** Plausible figures that differ by seed; no GPU (null), as on a machine without NVML. */
  static Perf perf(long seed) {
    double total = 8 + seed % 5;
    return new Perf(
        total * 0.5,
        total * 0.3,
        0.05,
        0.01,
        total,
        1800,
        1800 / total,
        150 + seed % 40,
        480.0 + seed * 3,
        null,
        null);
  }

  /** batch_summary.csv for the given runs (and one pair that failed). */
  static void batchSummary(Path root, List<String> runIds) throws IOException {
    List<BatchRow> rows = new ArrayList<>();
    int i = 0;
    for (String id : runIds) {
      i++;
      rows.add(
          new BatchRow(
              "run" + i + ".mp4",
              BatchRow.OK,
              id,
              true,
              0.03 + 0.01 * i,
              120.0 * i,
              0.9,
              2.0 + i,
              1.1 * i,
              0.05,
              0.01,
              3.5 + i,
              "ok",
              ""));
    }
    rows.add(
        new BatchRow(
            "broken.mp4",
            BatchRow.FAILED,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "",
            "broken.mp4: not a video"));
    BatchSummaryCsv.write(root.resolve(BatchSummaryCsv.NAME), rows);
  }
}
