package dev.mtbsync.runs;

import dev.mtbsync.align.WarpFitter;
import dev.mtbsync.gps.DeltaTime;
import dev.mtbsync.gps.GpsAgreement;
import dev.mtbsync.gps.GpsSeed;
import dev.mtbsync.gps.GpsSource;
import dev.mtbsync.gps.GpsSummary;
import dev.mtbsync.gps.Splits;
import dev.mtbsync.io.Json;
import dev.mtbsync.markers.MarkerCsv;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.match.PairFinder;
import dev.mtbsync.match.TimePair;
import dev.mtbsync.video.FileSignature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a sync's files into its (still partial) run folder: run.json, pairs_raw.csv, pairs.csv,
 * anchors, timewarp.json, perf.json and, where there is a warp, new_markers.csv, splits.csv and
 * delta.csv.
 */
final class RunFolderWriter {

  /**
   * Everything a run folder holds.
   *
   * @param refInput run.json's description of the reference video
   * @param newInput run.json's description of the new video
   * @param started when the sync began
   * @param search the search kept and its warp
   * @param markers the transferred markers (empty without reference markers or a warp)
   */
  record Contents(
      String runId,
      SyncRequest req,
      Map<String, Object> refInput,
      Map<String, Object> newInput,
      Instant started,
      SearchAttempt search,
      List<NewMarker> markers,
      Perf perf,
      Extras extras) {}

  /** What the GPS and the delta time add to the run folder. */
  record Extras(
      GpsSeed gps,
      GpsSummary summary,
      GpsAgreement agreement,
      List<DeltaTime.Point> delta,
      List<Splits.Gate> splits) {}

  private RunFolderWriter() {}

  static void write(Path dir, Contents c) throws IOException {
    SyncRequest req = c.req();
    PairFinder.Result found = c.search().found();
    WarpFitter.Fit fit = c.search().fit();
    List<String> problems = c.search().problems();
    Json.write(dir.resolve("run.json"), runJson(c));

    PairsCsv.writeRaw(dir.resolve("pairs_raw.csv"), found.raw());
    List<TimePair> kept = new ArrayList<>();
    if (fit != null) {
      for (int i = 0; i < fit.pairs().size(); i++) {
        if (fit.inlier()[i]) {
          kept.add(fit.pairs().get(i));
        }
      }
    }
    PairsCsv.write(dir.resolve("pairs.csv"), kept);
    if (!req.anchors().isEmpty()) {
      AnchorsCsv.write(dir.resolve(AnchorsCsv.FILE), req.anchors());
    }
    Extras extras = c.extras();
    List<String> extra = fit == null ? problems : List.of();
    Map<String, Object> blocks = new LinkedHashMap<>();
    Map<String, Object> search = new LinkedHashMap<>();
    search.put("prior", extras.summary() != null && extras.summary().seeded() ? "gps" : "none");
    search.put("orb_matches", found.orbMatches());
    search.put("coarse_cells", found.coarseCells());
    search.put("coarse_sec", Math.round(found.coarseSec() * 1e4) / 1e4);
    blocks.put("search", search);
    blocks.put("camera", found.camera().toJson());
    if (extras.gps() != null) {
      blocks.put("gps", extras.gps().toJson(extras.agreement(), extras.summary().seeded()));
    }
    TimewarpFile.write(
        dir.resolve("timewarp.json"),
        fit == null ? null : fit.warp(),
        fit == null ? null : fit.quality(),
        req.warp(),
        extra,
        blocks);
    PerfFile.write(dir.resolve(PerfFile.NAME), c.runId(), c.perf());
    if (req.refMarkers() != null && fit != null) {
      MarkerCsv.writeNew(c.markers(), dir.resolve("new_markers.csv"));
      SplitsCsv.writeSplits(dir.resolve(SplitsCsv.SPLITS), extras.splits());
    }
    if (fit != null) {
      SplitsCsv.writeDelta(dir.resolve(SplitsCsv.DELTA), extras.delta());
    }
  }

  /** run.json: inputs (paths, sizes, hashes), parameters, tool version, timestamps, outcome. */
  private static Map<String, Object> runJson(Contents c) throws IOException {
    SyncRequest req = c.req();
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("schema_version", 1);
    run.put("run_id", c.runId());
    run.put("tool", "mtbsync");
    run.put("tool_version", version());
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("reference", c.refInput());
    inputs.put("new", c.newInput());
    inputs.put("ref_markers", req.refMarkers() == null ? null : FileSignature.of(req.refMarkers()));
    if (!req.gps().isNone()) {
      inputs.put("ref_gps", gpsInput(req.gps().ref()));
      inputs.put("new_gps", gpsInput(req.gps().neu()));
    }
    run.put("inputs", inputs);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("reference_analysis", req.refOrb());
    params.put("new_analysis", req.newOrb());
    params.put("match", req.match());
    params.put("warp", req.warp());
    params.put("review_threshold", req.reviewThreshold());
    if (!req.gps().isNone()) {
      params.put(
          "gps",
          Map.of(
              "ref_clock_offset_sec", req.gps().ref().clockOffsetSec(),
              "new_clock_offset_sec", req.gps().neu().clockOffsetSec()));
    }
    run.put("parameters", params);
    run.put("started", c.started().toString());
    run.put("finished", Instant.now().toString());
    run.put("ok", c.search().passes());
    // why it failed, in the file a reader opens first (the dashboard's card says it)
    run.put("problems", List.copyOf(c.search().problems()));
    return run;
  }

  /** How run.json names a GPS input: the file's signature, "video telemetry", or null. */
  private static Object gpsInput(GpsSource s) throws IOException {
    if (s.fromVideo()) {
      return "video telemetry";
    }
    return s.file() == null ? null : FileSignature.of(s.file());
  }

  /** The tool's version from the jar's manifest, "dev" when run from classes. */
  static String version() {
    String v = RunFolderWriter.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
