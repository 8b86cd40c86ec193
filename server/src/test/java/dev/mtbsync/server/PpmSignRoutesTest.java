package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.server.site.DashboardConfig;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PPM reads the same, signed, wherever the dashboard shows a run's drift. */
class PpmSignRoutesTest {

  @TempDir Path root;

  @Test
  void theRunsListAndTheTimewarpCardShowTheSameSignedPpmAndTheRegressionItsSize()
      throws IOException {
    RunWriter.write(root, "20250601-110000-bbbb", 2);
    JavalinTest.test(
        DashboardRoutesTest.createServer(DashboardConfig.of(root)).app(),
        (app, c) -> {
          double ppm =
              DashboardRoutesTest.json(c.get("/api/runs")).get("runs").get(0).get("ppm").asDouble();
          assertThat(ppm).as("the drawn warp runs the new video slower").isLessThan(-1000);
          String magnitude =
              String.format(Locale.ROOT, "%,d", Math.abs(Math.round(ppm))).replace(',', '\u2009');
          String page = c.get("/", DashboardRoutesTest.html()).body().string();
          assertThat(page).contains("<td class=\"num\">-" + magnitude + "</td>");
          assertThat(page).contains("<dt>PPM</dt><dd>-" + magnitude + "</dd>");
          assertThat(page)
              .as("the regression card weighs the size of the drift, and says so")
              .contains("|PPM|")
              .doesNotContain("<td>PPM</td>");
        });
  }
}
