package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.server.site.DashboardConfig;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every response forbids framing and carries the strict policy (pages, API, static files, errors of
 * every kind), and download names are encoded so a run folder's name cannot choose the saved file's
 * name or type.
 */
class HeadersRoutesTest {

  static final String RUN = "20250601-100000-aaaa";
  static final String EVIL = "cd-test\"; filename*=UTF-8''evil.html; x=\"";

  @TempDir Path root;

  @BeforeEach
  void runs() throws IOException {
    RunWriter.write(root, RUN, 1);
  }

  void serve(io.javalin.testtools.TestCase test) throws IOException {
    JavalinTest.test(
        DashboardServer.create(DashboardConfig.of(root).withAllowWrite(true)).app(), test);
  }

  static void assertSecure(String route, String head) {
    String h = head.substring(0, Math.max(0, head.indexOf("\r\n\r\n"))).toLowerCase(Locale.ROOT);
    assertThat(h)
        .as(route)
        .contains("x-frame-options: deny")
        .contains("x-content-type-options: nosniff")
        .contains("referrer-policy: no-referrer")
        .contains("content-security-policy: ")
        .contains("frame-ancestors 'none'")
        .contains("script-src 'self'")
        .contains("style-src 'self'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
  }

  @Test
  void everyKindOfResponseForbidsFramingAndInlineCode() throws IOException {
    serve(
        (app, c) -> {
          List<String> routes =
              List.of(
                  "/",
                  "/telemetry",
                  "/compare",
                  "/compare?run=" + RUN,
                  "/api/runs",
                  "/api/files",
                  "/api/files/" + RUN + "/run.json",
                  "/api/timewarp?run=" + RUN,
                  "/api/annotations?run=" + RUN,
                  "/static/app.css",
                  "/static/base.css",
                  "/static/dashboard.js",
                  "/static/favicon.svg",
                  "/no/such/route",
                  "/api/timewarp",
                  "/api/timewarp?run=no-such-run",
                  "/api/files/../secret",
                  "/media/new?run=" + RUN);
          for (String route : routes) {
            RawHttp.Answer a = RawHttp.get(app.port(), route);
            assertSecure(route + " (" + a.status() + ")", a.text());
          }
          RawHttp.Answer page =
              RawHttp.send(
                  app.port(),
                  "GET /?run=nope HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n");
          assertThat(page.status()).isEqualTo(404);
          assertSecure("error page", page.text());
          assertThat(page.text())
              .as("styled by the linked sheet, not an inline one")
              .contains("/static/base.css")
              .doesNotContain("<style");
          RawHttp.Answer foreign =
              RawHttp.send(app.port(), "GET / HTTP/1.1\r\nHost: evil.example\r\n");
          assertThat(foreign.status()).isEqualTo(403);
          assertSecure("foreign host", foreign.text());
          RawHttp.Answer write =
              RawHttp.send(
                  app.port(),
                  "POST /api/prune-perf HTTP/1.1\r\nHost: localhost\r\n"
                      + "Origin: http://localhost:1\r\nContent-Type: application/json\r\n"
                      + "Content-Length: 2\r\n\r\n{}");
          assertThat(write.status()).isEqualTo(403);
          assertSecure("cross-origin write", write.text());
        });
  }

  @Test
  void pagesCarryNoInlineScriptOrStyleTheirPolicyWouldBlock() throws IOException {
    serve(
        (app, c) -> {
          for (String route : List.of("/", "/telemetry", "/compare", "/compare?run=" + RUN)) {
            String page = c.get(route).body().string();
            assertThat(page).as(route).doesNotContain("<style", " style=", " onclick=");
            assertThat(page.replaceAll("<script type=\"application/json\"", "<data-block"))
                .as(route + ": every script is a file")
                .doesNotContainPattern("<script>|<script(?![^>]*\\ssrc=)[^>]*>");
          }
        });
  }

  @Test
  void aRunNamedToForgeTheDownloadNameStillDownloadsAsItsOwnName() throws IOException {
    Path evil = root.resolve(EVIL);
    Files.move(root.resolve(RUN), evil);
    Files.writeString(evil.resolve("annotations.json"), "{\"annotations\": []}");
    serve(
        (app, c) -> {
          String q = java.net.URLEncoder.encode(EVIL, java.nio.charset.StandardCharsets.UTF_8);
          for (String format : List.of("json", "csv")) {
            Response r = c.get("/api/annotations?run=" + q + "&format=" + format);
            assertThat(r.code()).isEqualTo(200);
            String cd = r.headers().get("Content-Disposition").get(0);
            assertThat(cd)
                .startsWith("attachment; filename=\"annotations-cd-test__")
                .contains("filename*=UTF-8''annotations-cd-test%22%3B%20filename%2A%3DUTF-8%27%27")
                .endsWith("." + format);
            assertThat(cd.split(";")).as("no parameter smuggled in").hasSize(3);
          }
        });
  }
}
