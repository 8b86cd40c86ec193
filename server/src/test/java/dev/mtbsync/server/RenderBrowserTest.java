package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.mtbsync.server.site.DashboardConfig;
import dev.mtbsync.testkit.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Render video" action in a real headless Chromium, at a desktop's width and a phone's: the
 * render runs with its progress shown, the result plays in the page and can be downloaded, and a
 * render can be cancelled. Skipped, saying why, where no Chromium is installed. With {@code
 * -Dmtbsync.screenshots=DIR} it saves screenshots there.
 */
class RenderBrowserTest {

  static final String RUN = "20250601-100000-rend";

  @TempDir static Path work;
  static Path root;
  static DashboardServer server;
  static HeadlessChromium chrome;
  static Browser browser;
  static final List<String> refused = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void start() throws Exception {
    Path chromium = HeadlessChromium.findOrSkip(RenderBrowserTest.class);
    root = Files.createDirectories(work.resolve("root"));
    RenderRunWriter.write(root, RUN, RenderRunWriter.pair(work.resolve("pair"), 4));
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

  @AfterEach
  void nothingWasRefusedByThePolicy() {
    List<String> seen = List.copyOf(refused);
    refused.clear();
    assertThat(seen).as("Content-Security-Policy violations").isEmpty();
  }

  static Page open(BrowserContext context, int width) {
    Page page = context.newPage();
    page.onConsoleMessage(
        m -> {
          if (m.text().contains("Content Security Policy")) {
            refused.add(width + " px: " + m.text());
          }
        });
    page.setDefaultTimeout(120_000);
    page.navigate("http://127.0.0.1:" + server.port() + "/?run=" + RUN + "#render");
    return page;
  }

  static void screenshot(Page page, String name) {
    String dir = System.getProperty("mtbsync.screenshots");
    if (dir != null && !dir.isBlank()) {
      // the window with the card near its top, below the sticky header
      page.evaluate(
          "() => window.scrollTo(0, document.getElementById('render').getBoundingClientRect().top"
              + " + window.scrollY - 130)");
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(dir, name)));
    }
  }

  @Test
  void onADesktopTheOverlayRendersWithProgressAndPlaysInThePage() {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900))) {
      Page page = open(context, 1400);
      page.selectOption("#render-layout", "overlay");
      page.selectOption("#render-size", "720");
      page.click("#render-start");
      page.waitForSelector("#render-progress:not([hidden])");
      page.waitForFunction("() => document.getElementById('render-progress').value > 0");
      assertThat(page.locator("#render-cancel").isVisible()).isTrue();
      assertThat(page.locator("#render-start").isDisabled()).isTrue();
      assertThat(page.locator("#render-result").textContent()).startsWith("Rendering overlay");
      screenshot(page, "render-running-1400.png");
      page.waitForSelector("#render-video:not([hidden])");
      assertThat(page.locator("#render-result").textContent()).startsWith("Rendered overlay");
      assertThat(page.locator("#render-progress").isVisible()).isFalse();
      // the browser decodes it: its picture is the size asked for
      page.waitForFunction("() => document.getElementById('render-video').readyState >= 2");
      List<?> size =
          (List<?>)
              page.evaluate(
                  "() => { const v = document.getElementById('render-video');"
                      + " return [v.videoWidth, v.videoHeight, v.duration]; }");
      assertThat(size.get(0)).isEqualTo(1280);
      assertThat(size.get(1)).isEqualTo(720);
      assertThat(((Number) size.get(2)).doubleValue()).isGreaterThan(3);
      assertThat(page.locator("#render-download").getAttribute("href"))
          .isEqualTo("/api/files/" + RUN + "/compare-overlay.mp4");
      page.evaluate(
          "() => { const v = document.getElementById('render-video'); v.currentTime = 2; }");
      page.waitForFunction(
          "() => { const v = document.getElementById('render-video');"
              + " return !v.seeking && v.readyState >= 2; }");
      screenshot(page, "render-done-1400.png");
      assertThat(DashboardBrowserTest.widths(page)[0]).isLessThanOrEqualTo(1400);
    }
  }

  @Test
  void onAPhoneTheActionFitsAndARenderCanBeCancelled() {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
      Page page = open(context, 390);
      page.waitForSelector("#render-form");
      int[] w = DashboardBrowserTest.widths(page);
      assertThat(w[0]).as("page width at 390 px").isLessThanOrEqualTo(w[1]);
      double right =
          ((Number)
                  page.evaluate(
                      "() => Math.max(...[...document.querySelectorAll('#render *')]"
                          + ".map(e => e.getBoundingClientRect().right))"))
              .doubleValue();
      assertThat(right).as("the render card's widest part").isLessThanOrEqualTo(390);
      screenshot(page, "render-idle-390.png");
      page.selectOption("#render-layout", "stacked");
      page.click("#render-start");
      page.waitForSelector("#render-cancel:not([hidden])");
      page.waitForFunction("() => document.getElementById('render-progress').value > 0");
      screenshot(page, "render-running-390.png");
      page.click("#render-cancel");
      page.waitForFunction(
          "() => document.getElementById('render-result').textContent.startsWith('Render cancelled')");
      assertThat(page.locator("#render-cancel").isVisible()).isFalse();
      assertThat(page.locator("#render-start").isDisabled()).isFalse();
      assertThat(page.locator("#render-video").isVisible()).isFalse();
      assertThat(root.resolve(RUN).resolve("compare-stacked.mp4")).doesNotExist();
      screenshot(page, "render-cancelled-390.png");
    }
  }
}
