package dev.mtbsync.server.uploads;

import dev.mtbsync.server.html.Templates;
import dev.mtbsync.server.pages.UploadPage;
import dev.mtbsync.server.site.DashboardContext;
import dev.mtbsync.server.sse.JavalinSseChannel;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import me.desair.tus.server.upload.UploadInfo;

/**
 * Adding a run from the browser: tus 1.0 (core, creation, termination, expiration, checksum) at
 * {@code /api/uploads/}, and each upload's progress as server-sent events at {@code
 * /api/uploads/{id}/events}. Each upload's metadata names its file ({@code filename}) and what to
 * sync it against ({@code reference}: a video or a run under the root); its sync starts with the
 * first bytes (see {@link UploadSession}).
 *
 * <p>DESIGN NOTE: the protocol is tus-java-server's, fed the servlet request and response Javalin
 * runs on; this class only checks a request before the library sees it (the write guard, the
 * metadata, a known length) and tells the session what the library stored after it.
 */
public final class UploadRoutes implements AutoCloseable {

  private final DashboardContext site;
  private final UploadSessions sessions;
  private Handler guard = ctx -> {};

  public UploadRoutes(DashboardContext site) {
    this.site = site;
    // a read-only dashboard writes nothing, not even the upload folder (its guard answers 403)
    this.sessions = site.config().allowWrite() ? new UploadSessions(site) : null;
  }

  /**
   * @param writeGuard the server's check for upload requests (writes allowed, same origin)
   */
  public void register(RoutesConfig r, Handler writeGuard) {
    this.guard = writeGuard;
    String one = UploadSessions.URI + "/{id}";
    r.post(UploadSessions.URI, this::create);
    r.options(UploadSessions.URI, this::tus);
    r.head(one, this::tus);
    r.patch(one, this::tus);
    r.delete(one, this::tus);
    r.options(one, this::tus);
    // clients without PATCH (Java's own HTTP) send POST with X-HTTP-Method-Override, as tus allows
    r.post(one, this::tus);
    r.sse(one + "/events", this::events);
    r.get("/upload", this::page);
  }

  /** The page that adds a run: pick a reference, pick the file, watch it sync. */
  private void page(Context ctx) throws IOException {
    UploadPage page =
        new UploadPage(
            UploadPage.shell(site.root().root().toString(), site.config().allowWrite()),
            References.of(site.root()),
            site.config().maxUploadBytes());
    ctx.html(Templates.render("upload/index.jte", "page", page));
  }

  private void create(Context ctx) throws Exception {
    guard.handle(ctx);
    if (ctx.header("Upload-Length") == null) {
      throw new IllegalArgumentException("Upload-Length is required (a deferred length is not)");
    }
    UploadInfo asked = new UploadInfo();
    asked.setEncodedMetadata(ctx.header("Upload-Metadata"));
    Map<String, String> metadata = asked.getMetadata();
    UploadPlan plan = null;
    if ("index".equals(metadata.get("role"))) {
      checkIndex(ctx, metadata);
    } else {
      plan = UploadPlan.of(metadata, site);
    }
    process(ctx);
    String location = ctx.res().getHeader("Location");
    if (plan != null && ctx.res().getStatus() == 201 && location != null) {
      String id = location.substring(location.lastIndexOf('/') + 1);
      sessions.start(id, plan, Long.parseLong(ctx.header("Upload-Length")));
    }
  }

  /** HEAD, PATCH, DELETE and OPTIONS: the protocol's, then what they mean for the session. */
  private void tus(Context ctx) throws Exception {
    guard.handle(ctx);
    String override = ctx.header("X-HTTP-Method-Override");
    String method = override != null ? override.toUpperCase(Locale.ROOT) : ctx.method().name();
    try {
      process(ctx);
    } finally {
      if (method.equals("PATCH")) {
        sessions.patched(ctx.pathParam("id"));
      } else if (method.equals("DELETE") && ctx.res().getStatus() == 204) {
        sessions.cancelled(ctx.pathParam("id"));
      }
    }
  }

  /** An index box sent ahead of its file: small, placed at a named offset. */
  private static void checkIndex(Context ctx, Map<String, String> metadata) {
    long length = Long.parseLong(ctx.header("Upload-Length"));
    if (length > UploadSessions.MAX_INDEX_BYTES) {
      throw new IllegalArgumentException("an index upload is at most 64 MiB");
    }
    try {
      if (Long.parseLong(metadata.get("offset")) < 0) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("an index upload needs its offset (metadata 'offset')");
    }
  }

  private void process(Context ctx) throws IOException {
    sessions.tus().process(ctx.req(), ctx.res());
  }

  /** An upload's progress: {@code progress} events, then one {@code end} (see the README). */
  private void events(SseClient client) {
    UploadSession s = sessions == null ? null : sessions.session(client.ctx().pathParam("id"));
    if (s == null) {
      client.sendEvent("end", "{\"error\":\"no such upload (finished long ago, or never)\"}");
      client.close();
      return;
    }
    s.hub().join(new JavalinSseChannel(client), client.ctx().header("Last-Event-ID"));
    s.publish(true); // where it stands now, for a page that joins late
  }

  @Override
  public void close() {
    if (sessions != null) {
      sessions.close();
    }
  }
}
