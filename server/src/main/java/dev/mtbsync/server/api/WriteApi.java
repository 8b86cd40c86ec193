package dev.mtbsync.server.api;

import dev.mtbsync.io.Json;
import dev.mtbsync.runs.PerfPruner;
import dev.mtbsync.server.artefacts.MarkerTable;
import dev.mtbsync.server.site.DashboardContext;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The write routes, enabled by {@code --allow-write} (checked before these run): {@code POST
 * /api/prune-perf} and {@code POST /api/export-json}. Both stay inside the root.
 */
public final class WriteApi {

  private final DashboardContext site;

  public WriteApi(DashboardContext site) {
    this.site = site;
  }

  /**
   * Body {@code {"keep": N, "dry_run": true|false}}: keeps the newest N perf.json files, as {@code
   * mtbsync prune-perf} does; answers what was (or would be) removed.
   */
  public void prunePerf(Context ctx) throws Exception {
    Map<?, ?> body = Bodies.object(ctx);
    Object keep = body.get("keep");
    // only the JSON type is checked here; its range is the engine's to refuse (400 all the same)
    if (!(keep instanceof Number n)
        || n.doubleValue() != n.longValue()
        || n.intValue() != n.longValue()) {
      throw new IllegalArgumentException("keep must be a whole number");
    }
    boolean dryRun = !Boolean.FALSE.equals(body.get("dry_run")); // a preview unless told
    PerfPruner.Result r = PerfPruner.prune(site.root().root(), n.intValue(), dryRun);
    site.watcher().scan();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dry_run", dryRun);
    out.put("found", r.found());
    out.put("kept", r.kept().size());
    out.put("removed", r.removed().stream().map(Path::toString).toList());
    out.put("problems", r.problems());
    ctx.json(out);
  }

  /**
   * Body {@code {"file": "RUN/new_markers.csv"}}: writes the markers as JSON beside the CSV ({@code
   * RUN/new_markers.json}, schema_version 1) and answers its path.
   */
  public void exportJson(Context ctx) throws Exception {
    Object file = Bodies.object(ctx).get("file");
    if (!(file instanceof String f) || !f.endsWith(".csv")) {
      throw new IllegalArgumentException("file must name a marker CSV under the root");
    }
    Path csv = site.root().existingFile(f);
    MarkerTable t = MarkerTable.read(site.root(), csv);
    if (!t.warnings().isEmpty()) {
      throw new IllegalArgumentException(t.warnings().get(0));
    }
    String name = csv.getFileName().toString();
    Path json = site.root().resolve(f.substring(0, f.length() - 4) + ".json");
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schema_version", 1);
    doc.put("source", name);
    doc.put("markers", t.markers());
    Json.write(json, doc);
    ctx.json(Map.of("written", site.root().relative(json), "markers", t.markers().size()));
  }
}
