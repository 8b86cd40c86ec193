package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.export.ExportPreset;
import dev.mtbsync.export.ExportRequest;
import dev.mtbsync.export.MarkerExport;
import dev.mtbsync.server.files.ContentDisposition;
import dev.mtbsync.server.site.DashboardConfig;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/markers/export}: a run's markers as the editor files {@code export-markers}
 * writes, handed out by a server without the write flag, writing nothing; anything but a run's own
 * marker file is refused.
 */
class ExportRoutesTest {

  static final String RUN = "20250601-100000-aaaa";

  @TempDir Path dir;
  Path root;

  @BeforeEach
  void run() throws IOException {
    root = Files.createDirectories(dir.resolve("root"));
    RunWriter.write(root, RUN, 1);
    Files.writeString(dir.resolve("outside.csv"), "name,t_ref,t_new\nx,1,1\n");
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Every file under the root with its size, to show a request wrote nothing. */
  List<String> listing() throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.map(p -> root.relativize(p) + ":" + p.toFile().length()).sorted().toList();
    }
  }

  @Test
  void eachEditorFormatIsTheFileExportMarkersWritesAndNothingIsWritten() throws IOException {
    // the command's own output, from a copy of the markers away from the root (no video either)
    Path copy = Files.createDirectories(dir.resolve("copy")).resolve("new_markers.csv");
    Files.copy(root.resolve(RUN).resolve("new_markers.csv"), copy);
    List<String> before = listing();
    JavalinTest.test(
        DashboardServer.create(DashboardConfig.of(root)).app(),
        (app, c) -> {
          for (ExportPreset p :
              List.of(
                  ExportPreset.RESOLVE_EDL,
                  ExportPreset.EDL,
                  ExportPreset.FCPXML,
                  ExportPreset.PREMIERE,
                  ExportPreset.AVID)) {
            Response r =
                c.get(
                    "/api/markers/export?file="
                        + q(RUN + "/new_markers.csv")
                        + "&preset="
                        + p.cliName());
            assertThat(r.code()).as(p.cliName()).isEqualTo(200);
            assertThat(r.headers().get("Content-Disposition").get(0))
                .isEqualTo(ContentDisposition.attachment(RUN + "_new_markers" + p.suffix()));
            Path written = MarkerExport.run(ExportRequest.of(copy, p)).file();
            assertThat(r.body().string()).as(p.cliName()).isEqualTo(Files.readString(written));
          }
        });
    assertThat(listing()).as("files under the root").isEqualTo(before);
  }

  @Test
  void onlyARunsOwnMarkerFileInAKnownFormatIsExported() throws IOException {
    JavalinTest.test(
        DashboardServer.create(DashboardConfig.of(root)).app(),
        (app, c) -> {
          String edl = "&preset=edl";
          assertThat(
                  c.get("/api/markers/export?file=" + q(RUN + "/new_markers.csv") + "&preset=mp4")
                      .code())
              .isEqualTo(400);
          assertThat(c.get("/api/markers/export?file=" + q(RUN + "/run.json") + edl).code())
              .isEqualTo(403);
          assertThat(c.get("/api/markers/export?file=" + q("../outside.csv") + edl).code())
              .isEqualTo(403);
          assertThat(
                  c.get(
                          "/api/markers/export?file="
                              + q(dir.resolve("outside.csv").toString())
                              + edl)
                      .code())
              .isEqualTo(403);
          Response missing =
              c.get("/api/markers/export?file=" + q(RUN + "/new_markers_2.csv") + edl);
          assertThat(missing.code()).isEqualTo(404);
          assertThat(missing.body().string()).doesNotContain(root.toString());
        });
  }

  @Test
  void theRunPageOffersTheDownloadsAndTheTimecodes() throws IOException {
    JavalinTest.test(
        DashboardServer.create(DashboardConfig.of(root)).app(),
        (app, c) -> {
          String html = c.get("/?run=" + RUN, DashboardRoutesTest.html()).body().string();
          for (String preset : List.of("resolve-edl", "edl", "fcpxml", "premiere", "avid")) {
            assertThat(html)
                .contains(
                    "/api/markers/export?file="
                        + q(RUN + "/new_markers.csv")
                        + "&amp;preset="
                        + preset);
          }
          // RunWriter's run names no video: the page counts at the rate the exports assume
          assertThat(html).contains("HH:MM:SS:FF at 29.97 fps, drop-frame (assumed");
          assertThat(html).containsPattern("<td class=\"num tc\">00:00:\\d\\d;\\d\\d</td>");
        });
  }
}
