package dev.mtbsync.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtbsync.artefacts.RegressionJson;
import dev.mtbsync.server.artefacts.BatchSummaryView;
import dev.mtbsync.server.artefacts.RegressionView;
import dev.mtbsync.server.json.ApiJson;
import dev.mtbsync.server.site.DashboardContext;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/regression} and {@code GET /api/batch-summary}. */
public final class QualityApi {

  private final DashboardContext site;

  public QualityApi(DashboardContext site) {
    this.site = site;
  }

  /**
   * regression.json's fields (as {@link RegressionJson} defines them), plus warnings; 404 when
   * there is none yet.
   */
  public void regression(Context ctx) {
    RegressionView v = RegressionView.read(site.root());
    Map<String, Object> out = new LinkedHashMap<>();
    if (!v.present()) {
      ctx.status(404);
      out.put("error", v.warnings().get(0));
      ctx.json(out);
      return;
    }
    if (v.file() != null) {
      ObjectNode fields = ApiJson.MAPPER.valueToTree(v.file());
      fields.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
    }
    out.put("warnings", v.warnings());
    ctx.json(out);
  }

  /** The rows of batch_summary.csv; 404 when there is none. */
  public void batchSummary(Context ctx) {
    BatchSummaryView v = BatchSummaryView.read(site.root());
    if (!v.present()) {
      ctx.status(404).json(Map.of("error", "no batch_summary.csv: run mtbsync batch first"));
      return;
    }
    // rows, then warnings, always: Map.of's order changed with each start of the server
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rows", v.rows());
    out.put("warnings", v.warnings());
    ctx.json(out);
  }
}
