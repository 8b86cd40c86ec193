package dev.mtbsync.server;

import dev.mtbsync.config.ConfigException;
import dev.mtbsync.server.files.OutsideRootException;
import dev.mtbsync.server.pages.ErrorPage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Map;

/**
 * Maps failures to HTTP answers, in one place: a path outside the root is 403, a missing file or
 * run 404, a bad parameter 400 (a value the engine refuses named by its request field), pins that
 * conflict 409, anything else 500; each with one line saying what is wrong, as JSON for the API and
 * as a page for a browser.
 */
final class HttpErrors {

  /**
   * The request field behind each engine parameter the routes pass on: a value the engine refuses
   * ({@link ConfigException}, checked before any work) is told by the field the client sent.
   */
  static final Map<String, String> FIELDS = Map.of("keep", "keep", "size", "size");

  private HttpErrors() {}

  static void register(RoutesConfig routes) {
    routes.exception(OutsideRootException.class, (e, ctx) -> answer(ctx, 403, e.getMessage()));
    routes.exception(
        AccessDeniedException.class, (e, ctx) -> answer(ctx, 403, "permission denied"));
    routes.exception(
        NoSuchFileException.class,
        (e, ctx) ->
            answer(
                ctx,
                404,
                e.getFile() + ": " + (e.getReason() == null ? "not found" : e.getReason())));
    routes.exception(IllegalArgumentException.class, (e, ctx) -> answer(ctx, 400, e.getMessage()));
    routes.exception(ConfigException.class, (e, ctx) -> answer(ctx, 400, e.as(FIELDS)));
    routes.exception(
        dev.mtbsync.align.AnchorConflictException.class,
        (e, ctx) -> answer(ctx, 409, e.getMessage()));
    routes.exception(
        io.javalin.http.HttpResponseException.class,
        (e, ctx) -> answer(ctx, e.getStatus(), e.getMessage()));
    routes.exception(
        Exception.class,
        (e, ctx) ->
            answer(
                ctx,
                500,
                e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage())));
  }

  static void answer(Context ctx, int status, String message) {
    SecurityHeaders.apply(ctx.res());
    ctx.status(status);
    String accept = ctx.header(Header.ACCEPT);
    boolean page =
        !ctx.path().startsWith("/api/")
            && !ctx.path().startsWith("/media/")
            && accept != null
            && accept.contains("text/html");
    if (page) {
      ctx.html(ErrorPage.render(status, message));
    } else {
      ctx.json(Map.of("error", message, "status", status));
    }
  }

  private static String firstLine(String s) {
    return s.lines().findFirst().orElse(s);
  }
}
