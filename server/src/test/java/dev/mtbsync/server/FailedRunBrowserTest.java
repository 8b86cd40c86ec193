package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.mtbsync.server.site.DashboardConfig;
import dev.mtbsync.testkit.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A root whose newest run is a sync that fitted no warp, in headless Chromium at a phone's and a
 * desktop's width: the page opens on the run that did not fail, the failed run's card says why
 * without placeholder figures, and telemetry marks its row and its chart points. With {@code
 * -Dmtbsync.screenshots=DIR} it saves each page there.
 */
class FailedRunBrowserTest {

  @TempDir static Path root;
  static DashboardServer server;
  static HeadlessChromium chrome;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    Path chromium = HeadlessChromium.findOrSkip(FailedRunBrowserTest.class);
    Path good = RunWriter.write(root, FailedRunRoutesTest.GOOD, 1);
    Files.setLastModifiedTime(good, FileTime.fromMillis(1_000_000));
    RunWriter.writeFailed(root, FailedRunRoutesTest.FAILED, FailedRunRoutesTest.PROBLEM);
    server = DashboardServer.create(DashboardConfig.of(root).withPort(0)).start();
    chrome = HeadlessChromium.launch(chromium);
    browser = chrome.browser();
  }

  @AfterAll
  static void stop() {
    if (chrome != null) {
      chrome.close();
    }
    if (server != null) {
      server.close();
    }
  }

  static Page open(BrowserContext context, String path) {
    Page page = context.newPage();
    page.setDefaultTimeout(15_000);
    page.navigate("http://127.0.0.1:" + server.port() + path);
    return page;
  }

  @Test
  void theFailedRunIsMarkedAndSaysWhyAtAPhonesAndADesktopsWidth() {
    for (int width : new int[] {390, 1400}) {
      try (BrowserContext context =
          browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 844))) {
        Page home = open(context, "/");
        home.waitForSelector("#perf-charts svg[data-points]");
        assertThat(home.locator("#timewarp .run-id").textContent())
            .isEqualTo(FailedRunRoutesTest.GOOD);
        assertThat(
                home.locator("#runs-table tr[data-run='" + FailedRunRoutesTest.FAILED + "'] .pill")
                    .textContent())
            .isEqualTo("failed");
        DashboardBrowserTest.screenshot(home, "failed-home-" + width + ".png");

        Page run = open(context, "/?run=" + FailedRunRoutesTest.FAILED);
        run.waitForSelector("#run-failure");
        assertThat(run.locator("#run-failure").textContent())
            .isEqualTo("sync failed: " + FailedRunRoutesTest.PROBLEM);
        assertThat(run.locator("#run-failure").isVisible()).isTrue();
        assertThat(run.locator("#warp-plot").count()).isZero();
        assertThat(run.locator("#timewarp a.button").count()).as("no Compare button").isZero();
        assertThat(DashboardBrowserTest.widths(run)[0]).isLessThanOrEqualTo(width);
        DashboardBrowserTest.screenshot(run, "failed-run-" + width + ".png");

        Page tele = open(context, "/telemetry");
        tele.waitForSelector("#perf-charts svg[data-points]");
        String row = "#perf-table tr[data-run='" + FailedRunRoutesTest.FAILED + "']";
        assertThat(tele.locator(row).getAttribute("class")).contains("failed");
        assertThat(tele.locator(row + " .pill").textContent()).isEqualTo("sync failed");
        assertThat(
                tele.locator("#perf-table tr[data-run='" + FailedRunRoutesTest.GOOD + "'] .pill")
                    .count())
            .isZero();
        assertThat(tele.locator("#perf-charts [data-metric=fps] circle.failed").count())
            .isEqualTo(1);
        assertThat(DashboardBrowserTest.widths(tele)[0]).isLessThanOrEqualTo(width);
        DashboardBrowserTest.screenshot(tele, "failed-telemetry-" + width + ".png");
      }
    }
  }
}
