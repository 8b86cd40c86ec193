package dev.mtbsync.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtbsync.artefacts.TimewarpJson;
import dev.mtbsync.match.TimePair;
import dev.mtbsync.server.artefacts.MarkerTable;
import dev.mtbsync.server.artefacts.RunSummaries;
import dev.mtbsync.server.artefacts.SplitsView;
import dev.mtbsync.server.artefacts.TimewarpView;
import dev.mtbsync.server.json.ApiJson;
import dev.mtbsync.server.site.DashboardContext;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/runs}, {@code /api/timewarp?run=}, {@code /api/splits?run=} and {@code
 * /api/markers?file=}.
 */
public final class RunsApi {

  private final DashboardContext site;

  public RunsApi(DashboardContext site) {
    this.site = site;
  }

  /** Newest first; {@code limit} caps the list. */
  public void runs(Context ctx) throws Exception {
    Integer limit = Params.positiveInt(ctx, "limit", null);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", RunSummaries.count(site.root()));
    out.put("runs", RunSummaries.list(site.root(), limit));
    ctx.json(out);
  }

  /**
   * timewarp.json's fields (as {@link TimewarpJson} defines them), plus the run, the kept pairs and
   * any warnings.
   */
  public void timewarp(Context ctx) throws Exception {
    Path dir = site.root().runDir(Params.required(ctx, "run"));
    TimewarpView v = TimewarpView.read(site.root(), dir);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("run_id", v.runId());
    if (v.file() != null) {
      ObjectNode fields = ApiJson.MAPPER.valueToTree(v.file());
      fields.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
    }
    out.put("pairs", triples(v.kept()));
    out.put("warnings", v.warnings());
    ctx.json(out);
  }

  /**
   * delta.csv and splits.csv: {@code delta} and {@code splits} (empty when a file is missing or
   * unreadable), whether each file is there, and a warning per file that could not be read.
   */
  public void splits(Context ctx) throws Exception {
    Path dir = site.root().runDir(Params.required(ctx, "run"));
    ctx.json(SplitsView.read(site.root(), dir));
  }

  /** One new_markers*.csv (or any marker CSV under the root). */
  public void markers(Context ctx) throws Exception {
    String file = Params.required(ctx, "file");
    if (!file.endsWith(".csv")) {
      throw new IllegalArgumentException("file must be a marker CSV, got '" + file + "'");
    }
    ctx.json(MarkerTable.read(site.root(), site.root().existingFile(file)));
  }

  private static List<double[]> triples(List<TimePair> pairs) {
    return pairs.stream().map(p -> new double[] {p.tNew(), p.tRef(), p.score()}).toList();
  }
}
