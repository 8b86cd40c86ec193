package dev.mtbsync.server.api;

import dev.mtbsync.server.compare.Annotation;
import dev.mtbsync.server.compare.Annotations;
import dev.mtbsync.server.compare.CompareSource;
import dev.mtbsync.server.files.ContentDisposition;
import dev.mtbsync.server.files.FileSender;
import dev.mtbsync.server.site.DashboardContext;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * The compare page's data: {@code GET /api/compare?run=}, the videos ({@code GET
 * /media/{ref|new}?run=}, with Range), and annotations ({@code GET /api/annotations?run=&format=},
 * {@code POST /api/annotations}). Without {@code run} they serve the compare-ui session.
 */
public final class CompareApi {

  private final DashboardContext site;

  public CompareApi(DashboardContext site) {
    this.site = site;
  }

  /** The source a request names: a run of the root, else the compare-ui session. */
  public CompareSource source(String run, String markers) throws Exception {
    if (run != null && !run.isBlank()) {
      return CompareSource.ofRun(site.root(), run, markers);
    }
    if (site.config().compare() == null) {
      throw new IllegalArgumentException("no run given (and no compare-ui session)");
    }
    return CompareSource.ofSession(site.config().compare());
  }

  public void view(Context ctx) throws Exception {
    ctx.json(site.compareView(source(ctx.queryParam("run"), ctx.queryParam("markers"))));
  }

  public void media(Context ctx) throws Exception {
    String run = ctx.queryParam("run");
    FileSender.send(
        ctx,
        site.media().video(site.root(), run, ctx.pathParam("role"), site.config().compare()),
        false);
  }

  /** The annotations as JSON (default) or CSV ({@code format=csv}), as a download. */
  public void exportAnnotations(Context ctx) throws Exception {
    CompareSource s = source(ctx.queryParam("run"), null);
    List<Annotation> list = Annotations.read(s.annotations());
    String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
    String base = "annotations" + (s.runId() == null ? "" : "-" + s.runId().replace('/', '-'));
    switch (format) {
      case "csv" -> {
        ctx.header("Content-Disposition", ContentDisposition.attachment(base + ".csv"));
        ctx.contentType("text/csv; charset=utf-8").result(Annotations.csv(list));
      }
      case "json" -> {
        ctx.header("Content-Disposition", ContentDisposition.attachment(base + ".json"));
        ctx.json(Map.of("schema_version", Annotations.SCHEMA_VERSION, "annotations", list));
      }
      default -> throw new IllegalArgumentException("format must be json or csv, got " + format);
    }
  }

  /**
   * Body {@code {"run": ID (absent for the session), "marker": NAME, "t_new": s, "label": ...,
   * "note": ...}}: saves (or, with neither label nor note, removes) the marker's annotation.
   */
  public void saveAnnotation(Context ctx) throws Exception {
    Map<?, ?> b = Bodies.object(ctx);
    CompareSource s = source(text(b.get("run")), null);
    Object t = b.get("t_new");
    Annotation a =
        new Annotation(
            text(b.get("marker")),
            t instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null,
            text(b.get("label")),
            text(b.get("note")),
            null);
    ctx.json(Map.of("annotations", Annotations.save(s.annotations(), a)));
  }

  private static String text(Object o) {
    return o instanceof String s ? s : null;
  }
}
