package dev.mtbsync.server.perf;

import dev.mtbsync.runs.PerfFile;
import dev.mtbsync.server.artefacts.PerfPoint;
import dev.mtbsync.server.artefacts.RunSummaries;
import dev.mtbsync.server.artefacts.RunSummary;
import dev.mtbsync.server.files.RootPath;
import dev.mtbsync.server.json.ApiJson;
import dev.mtbsync.server.sse.SseHub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Scans the root for new perf.json files every {@code interval} and publishes each to the hub: a
 * {@code perf} event with the figures and the run's summary (for its row in the runs list), or a
 * {@code perf-problem} event for a file that stays unreadable. A scan that fails (the root removed,
 * a file system hiccup) is retried on the next tick; it never stops the watcher.
 */
public final class PerfWatcher implements AutoCloseable {

  private final RootPath root;
  private final PerfIndex index;
  private final SseHub hub;
  private final ScheduledExecutorService ticker;

  public PerfWatcher(RootPath root, PerfIndex index, SseHub hub, Duration interval) {
    this.root = root;
    this.index = index;
    this.hub = hub;
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "mtbsync-perf-watch");
              t.setDaemon(true);
              return t;
            });
    scan(); // take stock before the first client connects: only later files are news
    long ms = Math.max(10, interval.toMillis());
    ticker.scheduleWithFixedDelay(this::scanQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Scans now (also done before answering the history, so it is never behind the stream). */
  public void scan() {
    for (PerfIndex.Change c : index.refresh()) {
      hub.publish(c.problem() ? "perf-problem" : "perf", ApiJson.write(event(c.point())));
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }

  private void scanQuietly() {
    try {
      scan();
    } catch (RuntimeException e) {
      // a root that vanished or a file system hiccup: try again next tick
    }
  }

  private Map<String, Object> event(PerfPoint p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("perf", p.toJson(PerfFile.FIELDS));
    m.put("run", summary(p));
    return m;
  }

  /** The summary of the folder holding the perf.json when it is a run directly under the root. */
  private RunSummary summary(PerfPoint p) {
    try {
      Path dir = root.resolve(p.path()).getParent();
      if (dir == null || !dir.getParent().equals(root.root()) || !Files.isDirectory(dir)) {
        return null;
      }
      return RunSummaries.read(root, dir);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
