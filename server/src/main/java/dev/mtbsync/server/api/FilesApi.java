package dev.mtbsync.server.api;

import dev.mtbsync.server.files.FileList;
import dev.mtbsync.server.files.FileSender;
import dev.mtbsync.server.site.DashboardContext;
import io.javalin.http.Context;

/** {@code GET /api/files} (the list) and {@code GET /api/files/{path}} (one download). */
public final class FilesApi {

  private final DashboardContext site;

  public FilesApi(DashboardContext site) {
    this.site = site;
  }

  public void list(Context ctx) throws Exception {
    ctx.json(FileList.of(site.root(), site.root().root(), 8));
  }

  public void download(Context ctx) throws Exception {
    FileSender.send(ctx, site.root().existingFile(ctx.pathParam("path")), true);
  }
}
