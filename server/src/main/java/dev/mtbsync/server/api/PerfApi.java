package dev.mtbsync.server.api;

import dev.mtbsync.runs.PerfFile;
import dev.mtbsync.server.artefacts.PerfPoint;
import dev.mtbsync.server.perf.PerfHistory;
import dev.mtbsync.server.site.DashboardContext;
import dev.mtbsync.server.sse.JavalinSseChannel;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/perf/history}, the {@code /api/perf/stream} events and {@code /api/status}. */
public final class PerfApi {

  /** History length when none is asked for; the charts draw this many runs. */
  public static final int DEFAULT_LIMIT = 500;

  private final DashboardContext site;

  public PerfApi(DashboardContext site) {
    this.site = site;
  }

  /**
   * The newest {@code limit} perf.json files, oldest first: {@code fields}, {@code items} (path,
   * run_id, timestamp and the fields asked for, null where not measured) and {@code problems}
   * (files that could not be read).
   */
  public void history(Context ctx) {
    int limit = Params.positiveInt(ctx, "limit", DEFAULT_LIMIT);
    List<String> fields = fields(ctx.queryParam("fields"));
    ctx.json(PerfHistory.of(site.watcher(), site.perf(), limit, fields));
  }

  /** A new event-stream client: the hub owns it from here. */
  public void stream(SseClient client) {
    site.hub().join(new JavalinSseChannel(client), client.ctx().header("Last-Event-ID"));
  }

  /** What the server is serving, and its stream's counters. */
  public void status(Context ctx) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("root", site.root().root().toString());
    out.put("allow_write", site.config().allowWrite());
    out.put("perf_files", site.perf().size());
    out.put("stream", site.hub().stats());
    Runtime rt = Runtime.getRuntime();
    out.put("heap_used_mb", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
    out.put("threads", Thread.activeCount());
    ctx.json(out);
  }

  public static List<String> fields(String asked) {
    if (asked == null || asked.isBlank()) {
      return PerfPoint.DEFAULT_FIELDS;
    }
    List<String> out = new ArrayList<>();
    for (String f : asked.split(",")) {
      String k = f.trim();
      if (!PerfFile.FIELDS.contains(k)) {
        throw new IllegalArgumentException(
            "unknown field '" + k + "' (known: " + String.join(",", PerfFile.FIELDS) + ")");
      }
      if (!out.contains(k)) {
        out.add(k);
      }
    }
    return out;
  }
}
