package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.server.site.DashboardConfig;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code markers=} names one of the run's own marker files: the dashboard and the compare page
 * refuse any other path the same way, 403, and never fall back to the run's default file.
 */
class MarkersParamRoutesTest {

  static final String RUN = "20250601-100000-aaaa";
  static final String OTHER = "20250601-110000-bbbb";

  @TempDir Path dir;
  Path root;

  @BeforeEach
  void runs() throws IOException {
    root = Files.createDirectories(dir.resolve("root"));
    byte[] bytes = new byte[50_000];
    new Random(7).nextBytes(bytes);
    Path ref = Files.write(dir.resolve("ref.mp4"), bytes);
    bytes[0] ^= 1;
    Path neu = Files.write(dir.resolve("new.mp4"), bytes);
    RunWriter.write(root, RUN, 1, RunWriter.perf(1), ref, neu);
    RunWriter.write(root, OTHER, 2, RunWriter.perf(2), ref, neu);
    Files.writeString(dir.resolve("outside.csv"), "name,t_ref\nx,1\n");
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void aMarkerFileOutsideTheRunIs403OnTheDashboardAndOnCompareAlike() {
    JavalinTest.test(
        DashboardRoutesTest.createServer(DashboardConfig.of(root)).app(),
        (app, c) -> {
          String[] outside = {
            OTHER + "/new_markers.csv", // another run's file, inside the root
            "../outside.csv", // beside the root
            dir.resolve("outside.csv").toString(), // an absolute path
            "batch_summary.csv" // the root's own file
          };
          for (String path : outside) {
            for (String page : new String[] {"/", "/compare"}) {
              Response r =
                  c.get(page + "?run=" + RUN + "&markers=" + q(path), DashboardRoutesTest.html());
              String body = r.body().string();
              assertThat(r.code()).as("%s markers=%s", page, path).isEqualTo(403);
              assertThat(body).as("%s markers=%s", page, path).doesNotContain("Big jump");
            }
          }
          String own = "/?run=" + RUN + "&markers=" + q(RUN + "/new_markers.csv");
          assertThat(c.get(own, DashboardRoutesTest.html()).code()).isEqualTo(200);
        });
  }
}
