package dev.mtbsync.server.perf;

import dev.mtbsync.server.artefacts.PerfPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The telemetry history as {@code /api/perf/history} answers it and the pages embed it: {@code
 * fields}, {@code items} (oldest first) and {@code problems}.
 */
public final class PerfHistory {

  private PerfHistory() {}

  public static Map<String, Object> of(
      PerfWatcher watcher, PerfIndex index, int limit, List<String> fields) {
    watcher.scan(); // never behind the stream
    List<Map<String, Object>> items = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (PerfPoint p : index.newest(limit)) {
      if (p.problem() != null) {
        problems.add(p.path() + ": " + p.problem());
      } else {
        items.add(p.toJson(fields));
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("fields", fields);
    out.put("items", items);
    out.put("problems", problems);
    return out;
  }
}
