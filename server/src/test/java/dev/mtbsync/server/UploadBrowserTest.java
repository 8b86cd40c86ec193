package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.mtbsync.Progress;
import dev.mtbsync.server.site.DashboardConfig;
import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthRenderer;
import dev.mtbsync.testkit.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Add a run" page in headless Chromium, on a phone (390 px) and a laptop (1400 px): a rider
 * picks the reference and a camera file (index at the end), the page uploads it, shows the stage
 * and the bars, and links the finished run, whose markers are there.
 */
class UploadBrowserTest {

  @TempDir static Path work;
  static Path root;
  static Path newVideo;
  static DashboardServer server;
  static HeadlessChromium chrome;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    Path chromium = HeadlessChromium.findOrSkip(UploadBrowserTest.class);
    root = Files.createDirectories(work.resolve("root"));
    Path pair = work.resolve("pair");
    SynthRenderer.render(new SynthConfig(5, 8, 480, 270, 30, 30), pair, Progress.NONE);
    Files.createDirectories(root.resolve("trail"));
    Files.copy(pair.resolve("ref.mp4"), root.resolve("trail/ref.mp4"));
    Files.copy(pair.resolve("ref_markers.csv"), root.resolve("trail/ref_markers.csv"));
    newVideo = pair.resolve("new.mp4");
    server =
        DashboardServer.create(
                DashboardConfig.of(root)
                    .withPort(0)
                    .withAllowWrite(true)
                    .withTimings(Duration.ofMillis(250), Duration.ofSeconds(5)))
            .start();
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

  /** What Chromium refused under the Content-Security-Policy, as its console reports it. */
  static final java.util.List<String> refused =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  @Test
  void aRiderUploadsARunAndGetsItsLinkOnAPhoneAndALaptop() throws Exception {
    for (int width : new int[] {390, 1400}) {
      try (BrowserContext context =
          browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 844))) {
        Page page = context.newPage();
        page.onConsoleMessage(
            m -> {
              if (m.text().contains("Content Security Policy")) {
                refused.add(m.text());
              }
            });
        page.setDefaultTimeout(15_000);
        page.navigate("http://127.0.0.1:" + server.port() + "/upload");
        page.selectOption("#upload-reference", "trail/ref.mp4");
        page.setInputFiles("#upload-file", newVideo);
        page.click("#upload-start");
        try {
          page.waitForSelector(
              "#upload-run-link", new Page.WaitForSelectorOptions().setTimeout(120_000));
        } catch (com.microsoft.playwright.TimeoutError e) {
          DashboardBrowserTest.screenshot(page, "upload-failed-" + width + ".png");
          throw new AssertionError(
              "no run link; stage '"
                  + page.textContent("#upload-stage")
                  + "', result '"
                  + page.textContent("#upload-result")
                  + "'",
              e);
        }
        String run = page.getAttribute("#upload-run-link", "href");
        assertThat(run).startsWith("/?run=");
        String runId = java.net.URLDecoder.decode(run.substring(6), "UTF-8");
        assertThat(root.resolve(runId).resolve("new_markers.csv")).isRegularFile();
        assertThat(page.textContent("#upload-stage")).isEqualTo("done");
        assertThat(page.getAttribute("#upload-bar-bytes", "style")).contains("100%");
        assertThat(DashboardBrowserTest.widths(page)[0])
            .as("no sideways scroll")
            .isLessThanOrEqualTo(width);
        DashboardBrowserTest.screenshot(page, "upload-" + width + ".png");
        page.navigate("http://127.0.0.1:" + server.port() + run);
        assertThat(page.content()).contains(runId);
      }
    }
    assertThat(refused).as("Content-Security-Policy violations").isEmpty();
  }
}
