package dev.mtbsync.runs;

import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.align.WarpQuality;
import dev.mtbsync.camera.CameraDifference;
import dev.mtbsync.gps.GpsSummary;
import dev.mtbsync.gps.Splits;
import dev.mtbsync.markers.NewMarker;
import java.nio.file.Path;
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
 * @param camera the camera difference between the runs
 * @param warnings one line each, naming the file: what went wrong without stopping the sync (a
 *     truncated video, an index cache that could not be written)
 * @param truncatedInput a video decoded well short of its header's duration: the run covers only
 *     what decoded and is kept out of the quality history
 * @param proxy the new run's low-resolution proxy the analysis decoded instead of the video, or
 *     null
 */
public record SyncResult(
    Path runDir,
    boolean ok,
    MonotoneWarp warp,
    WarpQuality quality,
    List<String> problems,
    List<NewMarker> markers,
    Perf perf,
    GpsSummary gps,
    List<Splits.Gate> splits,
    CameraDifference camera,
    List<String> warnings,
    boolean truncatedInput,
    Path proxy) {

  public SyncResult {
    splits = splits == null ? List.of() : List.copyOf(splits);
    camera = camera == null ? CameraDifference.NONE : camera;
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /**
   * Whether the run may enter the quality history: its warp passed the gates over complete videos
   * (a failed warp, or one over part of a cut-off file, says nothing about drift and would poison
   * the baseline).
   */
  public boolean trackable() {
    return ok && quality != null && !truncatedInput;
  }

  /** A result without GPS or splits. */
  public SyncResult(
      Path runDir,
      boolean ok,
      MonotoneWarp warp,
      WarpQuality quality,
      List<String> problems,
      List<NewMarker> markers,
      Perf perf) {
    this(
        runDir, ok, warp, quality, problems, markers, perf, null, List.of(), null, List.of(), false,
        null);
  }
}
