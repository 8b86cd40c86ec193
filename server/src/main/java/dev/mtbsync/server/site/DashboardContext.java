package dev.mtbsync.server.site;

import dev.mtbsync.server.compare.CompareSource;
import dev.mtbsync.server.compare.CompareView;
import dev.mtbsync.server.compare.MediaFiles;
import dev.mtbsync.server.files.RootPath;
import dev.mtbsync.server.perf.PerfIndex;
import dev.mtbsync.server.perf.PerfWatcher;
import dev.mtbsync.server.render.RenderJobs;
import dev.mtbsync.server.sse.SseHub;

/**
 * What the handlers share: the settings, the root, the perf index and its watcher, the event hub,
 * the media checks, and the comparison-video renders with their own event hub (so that a render's
 * progress never pushes the perf events out of the hub's replay buffer). Built once per server by
 * {@code DashboardServer}.
 */
public record DashboardContext(
    DashboardConfig config,
    RootPath root,
    PerfIndex perf,
    PerfWatcher watcher,
    SseHub hub,
    MediaFiles media,
    RenderJobs renders,
    SseHub renderHub) {

  /** The comparison of a source as the compare page shows it, with its videos' frame rates. */
  public CompareView compareView(CompareSource s) {
    return CompareView.of(
        s, config.allowWrite(), role -> media.fps(root, s.runId(), role, config.compare()));
  }
}
