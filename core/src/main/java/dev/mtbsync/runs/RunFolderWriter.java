package dev.mtbsync.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mtbsync.align.WarpFitter;
import dev.mtbsync.artefacts.RunJson;
import dev.mtbsync.artefacts.TimewarpJson;
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
import java.util.List;

/**
 * Writes a sync's files into its (still partial) run folder: run.json, pairs_raw.csv, pairs.csv,
 * anchors, timewarp.json, perf.json and, where there is a warp, new_markers.csv, placements.csv,
 * splits.csv and delta.csv.
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
   * @param placements the markers placed on the new run's frames
   */
  record Contents(
      String runId,
      SyncRequest req,
      RunJson.Video refInput,
      RunJson.Video newInput,
      RunJson.InputFile newProxy,
      Instant started,
      SearchAttempt search,
      List<NewMarker> markers,
      List<PlacementsCsv.Placement> placements,
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
    runJson(c).write(dir.resolve(RunJson.NAME));

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
    TimewarpJson.Search search =
        new TimewarpJson.Search(
            extras.summary() != null && extras.summary().seeded() ? "gps" : "none",
            found.orbMatches(),
            found.coarseCells(),
            Math.round(found.coarseSec() * 1e4) / 1e4);
    TimewarpJson.of(
            fit == null ? null : fit.warp(), fit == null ? null : fit.quality(), req.warp(), extra)
        .withBlocks(
            search,
            Json.MAPPER.valueToTree(found.camera().toJson()),
            extras.gps() == null
                ? null
                : Json.MAPPER.valueToTree(
                    extras.gps().toJson(extras.agreement(), extras.summary().seeded())),
            null)
        .write(dir.resolve(TimewarpJson.NAME));
    PerfFile.write(dir.resolve(PerfFile.NAME), c.runId(), c.perf());
    if (req.refMarkers() != null && fit != null) {
      MarkerCsv.writeNew(c.markers(), dir.resolve("new_markers.csv"));
      PlacementsCsv.write(dir.resolve(PlacementsCsv.FILE), c.placements());
      SplitsCsv.writeSplits(dir.resolve(SplitsCsv.SPLITS), extras.splits());
    }
    if (fit != null) {
      SplitsCsv.writeDelta(dir.resolve(SplitsCsv.DELTA), extras.delta());
    }
  }

  /** run.json: inputs (paths, sizes, hashes), parameters, tool version, timestamps, outcome. */
  private static RunJson runJson(Contents c) throws IOException {
    SyncRequest req = c.req();
    boolean gps = !req.gps().isNone();
    RunJson.Inputs inputs =
        new RunJson.Inputs(
            c.refInput(),
            c.newInput(),
            req.refMarkers() == null ? null : RunInputs.file(FileSignature.of(req.refMarkers())),
            gps ? gpsInput(req.gps().ref()) : null,
            gps ? gpsInput(req.gps().neu()) : null,
            c.newProxy());
    RunJson.Parameters params =
        new RunJson.Parameters(
            Json.MAPPER.valueToTree(req.refOrb()),
            Json.MAPPER.valueToTree(req.newOrb()),
            Json.MAPPER.valueToTree(req.match()),
            Json.MAPPER.valueToTree(req.warp()),
            req.reviewThreshold(),
            gps
                ? new RunJson.GpsClocks(
                    req.gps().ref().clockOffsetSec(), req.gps().neu().clockOffsetSec())
                : null);
    return new RunJson(
        RunJson.SCHEMA_VERSION,
        c.runId(),
        "mtbsync",
        version(),
        inputs,
        params,
        c.started().toString(),
        Instant.now().toString(),
        c.search().passes(),
        // why it failed, in the file a reader opens first (the dashboard's card says it)
        List.copyOf(c.search().problems()));
  }

  /**
   * How run.json names a GPS input: the file's signature, "video telemetry", or a JSON null (the
   * key stays, saying GPS was asked for and none found).
   */
  private static JsonNode gpsInput(GpsSource s) throws IOException {
    if (s.fromVideo()) {
      return TextNode.valueOf("video telemetry");
    }
    return s.file() == null
        ? NullNode.getInstance()
        : Json.MAPPER.valueToTree(RunInputs.file(FileSignature.of(s.file())));
  }

  /** The tool's version from the jar's manifest, "dev" when run from classes. */
  static String version() {
    String v = RunFolderWriter.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
