package dev.mtbsync.runs;

import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.align.WarpQuality;
import dev.mtbsync.camera.CameraDifference;
import dev.mtbsync.gps.GpsSummary;
import dev.mtbsync.gps.Splits;
import dev.mtbsync.markers.NewMarker;
import java.util.List;

/**
 * What a sync produced.
 *
 * @param runDir the run folder
 * @param ok the warp passed its gates
 * @param warp the mapping, or null when none could be fitted
 * @param quality its quality, or null when none could be fitted
 * @param problems why ok is false (empty when ok)
 * @param markers transferred markers (empty without reference markers)
 * @param perf stage timings
 * @param gps what the GPS did, or null when none was asked for
 * @param splits split times at the reference markers the new run reaches (empty without markers)
 */
public record SyncResult(
    java.nio.file.Path runDir,
    boolean ok,
    MonotoneWarp warp,
    WarpQuality quality,
    List<String> problems,
    List<NewMarker> markers,
    Perf perf,
    GpsSummary gps,
    List<Splits.Gate> splits,
    CameraDifference camera) {

  public SyncResult {
    splits = splits == null ? List.of() : List.copyOf(splits);
    camera = camera == null ? CameraDifference.NONE : camera;
  }

  /** A result without GPS or splits. */
  public SyncResult(
      java.nio.file.Path runDir,
      boolean ok,
      MonotoneWarp warp,
      WarpQuality quality,
      List<String> problems,
      List<NewMarker> markers,
      Perf perf) {
    this(runDir, ok, warp, quality, problems, markers, perf, null, List.of(), null);
  }
}
