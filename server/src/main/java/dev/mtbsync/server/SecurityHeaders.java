package dev.mtbsync.server;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;

/**
 * The headers every response carries, pages, API, static files, event streams and errors alike.
 *
 * <p>DESIGN NOTE: a page on another site (or another loopback port) could frame the dashboard and
 * trick a click onto a write button; {@code frame-ancestors 'none'} and {@code X-Frame-Options:
 * DENY} (for browsers without CSP 3) forbid framing. The policy allows scripts and styles from this
 * server's files only: the pages carry no inline script, style element or style attribute (the JSON
 * data blocks are {@code type="application/json"}, which no browser runs), so a value that slipped
 * into a page unescaped still could not run. Scripts set styles through the CSSOM ({@code
 * el.style.left = ...}), which the policy does not govern.
 */
final class SecurityHeaders {

  static final String CSP =
      String.join(
          "; ",
          "default-src 'none'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self' data:",
          "media-src 'self'",
          "connect-src 'self'",
          "font-src 'self'",
          "manifest-src 'self'",
          "base-uri 'none'",
          "form-action 'self'",
          "frame-ancestors 'none'");

  static final Map<String, String> HEADERS =
      Map.of(
          "Content-Security-Policy", CSP,
          "X-Frame-Options", "DENY",
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "no-referrer");

  private SecurityHeaders() {}

  /** Sets the headers (again, if an error answer reset them). */
  static void apply(HttpServletResponse res) {
    HEADERS.forEach(res::setHeader);
  }
}
