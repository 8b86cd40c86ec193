package dev.mtbsync.runs;

import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.align.WarpQuality;
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
 */
public record SyncResult(
    java.nio.file.Path runDir,
    boolean ok,
    MonotoneWarp warp,
    WarpQuality quality,
    List<String> problems,
    List<NewMarker> markers,
    Perf perf) {}
