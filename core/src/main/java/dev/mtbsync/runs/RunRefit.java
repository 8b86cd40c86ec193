package dev.mtbsync.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.mtbsync.align.Anchor;
import dev.mtbsync.align.Anchors;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.align.WarpFitter;
import dev.mtbsync.artefacts.RunJson;
import dev.mtbsync.artefacts.TimewarpJson;
import dev.mtbsync.gps.DeltaTime;
import dev.mtbsync.gps.Splits;
import dev.mtbsync.io.AtomicFiles;
import dev.mtbsync.markers.MarkerCsv;
import dev.mtbsync.markers.MarkerTransfer;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.markers.RefMarker;
import dev.mtbsync.match.MatchConfig;
import dev.mtbsync.match.MomentRefiner;
import dev.mtbsync.match.TimePair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Refits a finished run's warp through pins, in its folder: what {@code sync --anchors} would have
 * written, without decoding again. Reads the run's picture pairs ({@code pairs_raw.csv}, filtered
 * as the sync filtered them, else {@code pairs.csv}) and its settings ({@code run.json}), fits with
 * {@link WarpFitter} through the pins, and replaces {@code anchors.csv}, {@code timewarp.json} (the
 * sync's own kept once as {@value #AUTO_TIMEWARP}), {@code pairs.csv}, {@code new_markers.csv},
 * {@code splits.csv} and {@code delta.csv} (those the run has), each atomically.
 *
 * <p>DESIGN NOTE: the reference markers are taken from the run's own {@code new_markers.csv} (name,
 * reference time, colour, comment less the review note a transfer added), so the refit reads
 * nothing outside the run folder. Distances along the trail come from the run's previous {@code
 * delta.csv}: a GPS track gives distance as a function of one run's time, which the warp does not
 * change, so the previous curve, read at the new places, is that track.
 */
public final class RunRefit {

  /**
   * The markers the sync placed on the new run's frames, kept where the refit leaves them alone: no
   * pin within {@link MomentRefiner#MAX_REACH_SEC} of the placement (near a pin the rider's own
   * judgement rules), the new warp still within that reach of it (the placement was sought there),
   * the placement's interval narrower than the new warp's (between pins the warp can be the surer
   * of the two), and the pins not having moved the marker's warp beyond the sync's own interval
   * ({@code synced}: the markers of the sync's warp, null when unknown). Elsewhere the marker is
   * read off the new warp.
   */
  static List<NewMarker> keepPlacements(
      List<NewMarker> markers,
      List<NewMarker> synced,
      List<PlacementsCsv.Placement> placements,
      List<Anchor> pins,
      double reviewThreshold,
      double frameSec) {
    List<NewMarker> out = new ArrayList<>(markers);
    for (int i = 0; i < out.size(); i++) {
      NewMarker m = out.get(i);
      for (PlacementsCsv.Placement p : placements) {
        if (!p.name().equals(m.name()) || Math.abs(p.tRef() - m.tRef()) > 1e-5) {
          continue;
        }
        boolean pinned =
            pins.stream()
                .anyMatch(a -> Math.abs(a.tNew() - p.tNew()) <= MomentRefiner.MAX_REACH_SEC);
        boolean moved =
            !Double.isFinite(m.tNew())
                || Math.abs(m.tNew() - p.tNew()) > MomentRefiner.MAX_REACH_SEC;
        NewMarker placed =
            MarkerTransfer.placed(m, p.tNew(), p.errorSec(), reviewThreshold, frameSec);
        boolean surer =
            !m.hasInterval() || placed.tNewHi() - placed.tNewLo() < m.tNewHi() - m.tNewLo();
        // the pins moved this marker's warp beyond the sync's own interval: the rider corrected
        // the stretch it lies in, and the corrected warp rules there
        NewMarker before = synced == null ? null : synced.get(i);
        boolean corrected =
            before != null
                && before.hasInterval()
                && Double.isFinite(m.tNew())
                && Math.abs(m.tNew() - before.tNew())
                    > (before.tNewHi() - before.tNewLo()) / 2 + frameSec;
        if (!pinned && !moved && surer && !corrected) {
          out.set(i, placed);
        }
        break;
      }
    }
    return out;
  }

  /** The sync's own warp, kept the first time a run is refitted. */
  public static final String AUTO_TIMEWARP = "timewarp.auto.json";

  static final String RUN = RunJson.NAME;
  static final String TIMEWARP = TimewarpJson.NAME;
  static final String PAIRS_RAW = "pairs_raw.csv";
  static final String PAIRS = "pairs.csv";
  static final String MARKERS = "new_markers.csv";

  /** Every file of the run folder a refit reads or writes. */
  public static final List<String> FILES =
      List.of(
          RUN,
          TIMEWARP,
          AUTO_TIMEWARP,
          PAIRS_RAW,
          PAIRS,
          MARKERS,
          PlacementsCsv.FILE,
          AnchorsCsv.FILE,
          SplitsCsv.SPLITS,
          SplitsCsv.DELTA);

  private RunRefit() {}

  /** The pins and the run's pairs together give no warp (too few usable); nothing was written. */
  public static final class NoWarpException extends IOException {
    private static final long serialVersionUID = 1L;

    NoWarpException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * What a refit wrote.
   *
   * @param fit the warp through the pins and its quality
   * @param pins the pins, sorted and checked
   * @param markers the markers carried over anew (empty when the run has none)
   */
  public record Result(WarpFitter.Fit fit, Anchors pins, List<NewMarker> markers) {}

  /**
   * Refits the run in {@code runDir} through {@code pins} (none: the pictures' fit alone).
   *
   * @param frameSec one frame of the new video (s): a pin is exact to half of it
   * @throws dev.mtbsync.align.AnchorConflictException when the pins are not monotone (nothing
   *     written)
   * @throws NoWarpException when the pins and pairs together give no warp (nothing written)
   * @throws IOException naming the file when the run's pairs or settings cannot be read
   */
  public static Result refit(Path runDir, List<Anchor> pins, double frameSec) throws IOException {
    Anchors anchors = Anchors.of(pins, frameSec);
    RunJson.Parameters params = RunJson.read(runDir.resolve(RUN)).parameters();
    WarpConfig config = warpConfig(block(params == null ? null : params.warp()));
    List<TimePair> pairs =
        pairs(
            runDir,
            block(params == null ? null : params.match())
                .path("min_inliers")
                .asInt(MatchConfig.defaults().minInliers()));
    WarpFitter.Fit fit;
    try {
      fit = WarpFitter.fit(pairs, anchors, config);
    } catch (IllegalArgumentException e) {
      throw new NoWarpException(
          "no warp through these pins and the run's pairs: " + e.getMessage(), e);
    }

    Path timewarp = runDir.resolve(TIMEWARP);
    Path auto = runDir.resolve(AUTO_TIMEWARP);
    TimewarpJson before = null;
    if (Files.isRegularFile(timewarp)) {
      if (!Files.exists(auto)) {
        AtomicFiles.write(auto, temp -> Files.copy(timewarp, temp));
      }
      before = TimewarpJson.read(auto);
    }
    // as the sync did: intervals widened for a camera difference taken out before timing
    if (before != null) {
      fit = fit.widened(TimewarpFile.camera(before).sigmaFactor());
    }
    // the blocks a sync added after the mapping are carried over
    JsonNode gps = before == null ? null : before.gps();
    TimewarpJson refitted =
        TimewarpJson.of(fit.warp(), fit.quality(), config, List.of())
            .withBlocks(
                before == null ? null : before.search(),
                before == null ? null : before.camera(),
                gps,
                new TimewarpJson.Anchors(AnchorsCsv.FILE, anchors.size()));

    AnchorsCsv.write(runDir.resolve(AnchorsCsv.FILE), anchors.pins());
    List<TimePair> kept = new ArrayList<>();
    for (int i = 0; i < fit.pairs().size(); i++) {
      if (fit.inlier()[i]) {
        kept.add(fit.pairs().get(i));
      }
    }
    PairsCsv.write(runDir.resolve(PAIRS), kept);
    refitted.write(timewarp);

    List<NewMarker> markers = List.of();
    Path markersFile = runDir.resolve(MARKERS);
    DistanceTable distances =
        DistanceTable.of(
            runDir.resolve(SplitsCsv.DELTA), before == null ? null : before.gpsBlock());
    if (Files.isRegularFile(markersFile)) {
      List<RefMarker> refs = new ArrayList<>();
      for (NewMarker m : MarkerCsv.readNew(markersFile)) {
        refs.add(
            new RefMarker(
                m.name(), m.tRef(), m.colour(), MarkerTransfer.withoutReviewNote(m.comment())));
      }
      double threshold =
          params == null || params.reviewThreshold() == null
              ? MarkerTransfer.DEFAULT_REVIEW_THRESHOLD
              : params.reviewThreshold();
      markers = MarkerTransfer.transfer(refs, fit.warp(), threshold, frameSec);
      List<NewMarker> synced =
          before == null
              ? null
              : MarkerTransfer.transfer(refs, before.warp(auto), threshold, frameSec);
      markers =
          keepPlacements(
              markers,
              synced,
              PlacementsCsv.read(runDir.resolve(PlacementsCsv.FILE)),
              anchors.pins(),
              threshold,
              frameSec);
      MarkerCsv.writeNew(markers, markersFile);
      if (Files.isRegularFile(runDir.resolve(SplitsCsv.SPLITS))) {
        SplitsCsv.writeSplits(
            runDir.resolve(SplitsCsv.SPLITS), distances.gates(Splits.of(markers, null, null)));
      }
    }
    if (Files.isRegularFile(runDir.resolve(SplitsCsv.DELTA))) {
      SplitsCsv.writeDelta(
          runDir.resolve(SplitsCsv.DELTA),
          distances.points(DeltaTime.curve(fit.warp(), null, null)));
    }
    return new Result(fit, anchors, markers);
  }

  /** A parameters block of run.json; an empty one when the file has none. */
  private static JsonNode block(JsonNode b) {
    return b == null ? MissingNode.getInstance() : b;
  }

  /** The run's warp settings as run.json recorded them; the defaults for any not recorded. */
  static WarpConfig warpConfig(JsonNode w) {
    WarpConfig d = WarpConfig.DEFAULT;
    return new WarpConfig(
            w.path("window_sec").asDouble(d.windowSec()),
            w.path("inlier_thresh_sec").asDouble(d.inlierThreshSec()),
            w.path("min_inlier_frac").asDouble(d.minInlierFrac()),
            w.path("ransac_iters").asInt(d.ransacIters()),
            w.path("max_ppm").isNumber() ? Double.valueOf(w.path("max_ppm").asDouble()) : null,
            w.path("max_p90_sec").asDouble(d.maxP90Sec()))
        .validate();
  }

  /** The pairs the sync verified: pairs_raw.csv with enough inliers, else pairs.csv. */
  private static List<TimePair> pairs(Path runDir, int minInliers) throws IOException {
    Path raw = runDir.resolve(PAIRS_RAW);
    if (Files.isRegularFile(raw)) {
      return PairsCsv.read(raw).stream().filter(p -> p.inliers() >= minInliers).toList();
    }
    return PairsCsv.read(runDir.resolve(PAIRS));
  }
}
