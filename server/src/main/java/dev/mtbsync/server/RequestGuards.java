package dev.mtbsync.server;

import dev.mtbsync.server.site.DashboardConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Header;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Who may ask what. Every request must name this server in {@code Host} (a loopback name, or the
 * interface given with {@code --host}), which keeps a web page on another site from reaching the
 * dashboard through DNS rebinding. Write routes also need {@code --allow-write}, a JSON body (which
 * a foreign page cannot send without a preflight this server never grants) and, when the browser
 * says where the request comes from, this server's own origin.
 */
final class RequestGuards {

  private static final Set<String> LOOPBACK_NAMES =
      Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final DashboardConfig config;

  RequestGuards(DashboardConfig config) {
    this.config = config;
  }

  /** Before every request. */
  void checkHost(Context ctx) {
    String host = hostName(ctx.header(Header.HOST));
    if (host == null) {
      throw new ForbiddenResponse("no Host header");
    }
    boolean wildcard = config.host().equals("0.0.0.0") || config.host().equals("::");
    if (!wildcard && !LOOPBACK_NAMES.contains(host) && !host.equalsIgnoreCase(config.host())) {
      throw new ForbiddenResponse("unexpected Host '" + host + "'");
    }
  }

  /** Before a write route. */
  void checkWrite(Context ctx) {
    checkWriter(ctx);
    String type = ctx.header(Header.CONTENT_TYPE);
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new ForbiddenResponse("write requests must send JSON (Content-Type: application/json)");
    }
  }

  /**
   * Before an upload request (tus): as {@link #checkWrite}, but the body is the file's bytes, so
   * instead of JSON the request must carry the protocol's {@code Tus-Resumable} header, which a
   * page on another site cannot send without the preflight this server never grants.
   */
  void checkUpload(Context ctx) {
    checkWriter(ctx);
    if (ctx.header("Tus-Resumable") == null && !"OPTIONS".equals(ctx.method().name())) {
      throw new ForbiddenResponse("upload requests must speak tus (no Tus-Resumable header)");
    }
  }

  /** Writes on, and the request from this server's own pages (or no page at all). */
  private void checkWriter(Context ctx) {
    if (!config.allowWrite()) {
      throw new ForbiddenResponse(
          "writes are off: start the dashboard with --allow-write to enable them");
    }
    String origin = ctx.header(Header.ORIGIN);
    if (origin != null && !sameServer(origin, ctx)) {
      throw new ForbiddenResponse("request from another origin (" + origin + ") refused");
    }
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      throw new ForbiddenResponse("cross-site request refused");
    }
  }

  /**
   * Whether a page of {@code origin} is served by this server: http, this port, and a loopback name
   * or the name the request was sent to (the same server under another of its names).
   */
  private boolean sameServer(String origin, Context ctx) {
    URI u;
    try {
      u = URI.create(origin);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (!"http".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
      return false;
    }
    int port = u.getPort() < 0 ? 80 : u.getPort();
    String host = u.getHost().toLowerCase(Locale.ROOT);
    String asked = hostName(ctx.header(Header.HOST));
    return port == ctx.req().getLocalPort()
        && (LOOPBACK_NAMES.contains(host) || host.equals(asked));
  }

  /** The name part of a Host header ({@code [::1]:8760} is {@code [::1]}). */
  static String hostName(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String h = header.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(0, end + 1);
    }
    int colon = h.lastIndexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }
}
