package dev.mtbsync.server.api;

import dev.mtbsync.export.ExportPreset;
import dev.mtbsync.export.ExportRequest;
import dev.mtbsync.export.ExportResult;
import dev.mtbsync.export.MarkerExport;
import dev.mtbsync.server.artefacts.RunSummaries;
import dev.mtbsync.server.files.ContentDisposition;
import dev.mtbsync.server.files.OutsideRootException;
import dev.mtbsync.server.site.DashboardContext;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code GET /api/markers/export?file=RUN/new_markers.csv&preset=resolve-edl}: a run's markers as
 * an editor file, rendered by core's exporters on the fly and sent as a download. Read-only: it
 * writes nothing, so it needs no write flag.
 *
 * <p>The clip facts (rate, length, start timecode) come from the run's new video only when it is
 * still the file the sync read (the compare page's check); otherwise the export goes on without a
 * video, at 29.97 fps, as {@code export-markers} does without one.
 */
public final class ExportApi {

  private final DashboardContext site;

  public ExportApi(DashboardContext site) {
    this.site = site;
  }

  public void markers(Context ctx) throws Exception {
    String file = Params.required(ctx, "file");
    ExportPreset preset = ExportPreset.parse(Params.required(ctx, "preset"));
    Path csv = site.root().existingFile(file);
    Path dir = csv.getParent();
    String relative = site.root().relative(csv);
    if (!RunSummaries.markerFiles(site.root(), dir).contains(relative)) {
      throw new OutsideRootException(file, "not a run's marker file (new_markers*.csv)");
    }
    String runId = site.root().relative(dir);
    Path video = null;
    try {
      video = site.media().video(site.root(), runId, "new", null);
    } catch (IOException | RuntimeException notAtHand) {
      // moved, changed since the sync, or never named: the export assumes the rate, and says so
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ExportResult r;
    try {
      r = MarkerExport.render(ExportRequest.of(csv, preset).withVideo(video), bytes);
    } catch (NoSuchFileException e) {
      throw e;
    } catch (IOException e) {
      // the markers (or video) cannot be exported: say so with the root's names, not the disk's
      throw new HttpResponseException(
          422, String.valueOf(e.getMessage()).replace(csv.toString(), relative));
    }
    String folder = dir.getFileName().toString();
    ctx.header("Content-Disposition", ContentDisposition.attachment(folder + "_" + name(r)));
    ctx.header("Cache-Control", "no-store");
    ctx.contentType(contentType(preset));
    ctx.result(bytes.toByteArray());
  }

  private static String name(ExportResult r) {
    return r.file().getFileName().toString();
  }

  private static String contentType(ExportPreset p) {
    return switch (p) {
      case FCPXML, PREMIERE -> "application/xml; charset=utf-8";
      case CSV -> "text/csv; charset=utf-8";
      default -> "text/plain; charset=utf-8";
    };
  }
}
