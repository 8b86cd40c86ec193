package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.mtbsync.server.site.DashboardConfig;
import dev.mtbsync.testkit.HeadlessChromium;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compare page's pins in a real headless Chromium, over a real run whose warp is broken in one
 * stretch ({@link BrokenRun}): the rider steps each video with the keyboard to the frames that show
 * the same moment and pins them with "p"; after two pins the marker list shows the stretch's
 * markers back within a frame of the truth. Pins that run backwards are refused on the page. The
 * page fits 390 px and 1400 px. Skipped, saying why, where no Chromium is installed. With {@code
 * -Dmtbsync.screenshots=DIR} it saves screenshots there.
 */
class PinsBrowserTest {

  @TempDir static Path work;
  static BrokenRun run;
  static DashboardServer server;
  static HeadlessChromium chrome;
  static Browser browser;
  static final List<String> refused = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void start() throws Exception {
    Path chromium = HeadlessChromium.findOrSkip(PinsBrowserTest.class);
    run = BrokenRun.make(work);
    server =
        DashboardServer.create(DashboardConfig.of(run.root).withPort(0).withAllowWrite(true))
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

  static Page open(BrowserContext context) {
    Page page = context.newPage();
    page.onConsoleMessage(
        m -> {
          if (m.text().contains("Content Security Policy")) {
            refused.add(m.text());
          }
        });
    page.setDefaultTimeout(20_000);
    page.navigate("http://127.0.0.1:" + server.port() + "/compare?run=" + run.runId);
    page.waitForFunction(
        "() => document.getElementById('video-new').readyState >= 1"
            + " && document.getElementById('video-ref').readyState >= 1");
    return page;
  }

  /** The frame a video shows, as the page counts it (both videos run at 30 fps). */
  static int frame(Page page, String role) {
    page.waitForFunction("id => !document.getElementById(id).seeking", "video-" + role);
    return ((Number)
            page.evaluate(
                "id => Math.floor(document.getElementById(id).currentTime * 30 + 1e-3)",
                "video-" + role))
        .intValue();
  }

  /** Steps one video with the keyboard alone until it shows frame {@code target}. */
  static void stepTo(Page page, String role, int target) {
    page.locator("input[name=step-target][value=" + role + "]").check();
    for (int i = 0; i < 400; i++) {
      int diff = target - frame(page, role);
      if (diff == 0) {
        return;
      }
      String key = diff > 0 ? "Period" : "Comma";
      page.keyboard().press(Math.abs(diff) >= 30 ? "Shift+" + key : key);
    }
    throw new AssertionError(role + " never reached frame " + target);
  }

  /** Pins the frames that show the same moment near new time t: stepped to, then "p". */
  static void pinWithKeys(Page page, double t, int pinsAfter) {
    double[] pin = run.pinAt(t);
    stepTo(page, "new", (int) Math.round(pin[0] * 30));
    stepTo(page, "ref", (int) Math.round(pin[1] * 30));
    page.keyboard().press("p");
    page.waitForFunction(
        "n => document.querySelectorAll('#pin-list li[data-t-new]').length === n", pinsAfter);
  }

  /** The marker table's t_new cell of a marker. */
  static String tNewCell(Page page, String marker) {
    return page.locator("#all-markers tr[data-marker='" + marker + "'] td:nth-child(4)")
        .textContent();
  }

  /** The page's own t_new of a marker (s). */
  static double tNew(Page page, String marker) {
    return ((Number)
            page.evaluate(
                "n => window.mtbCompare.data.markers.find(m => m.name === n).t_new", marker))
        .doubleValue();
  }

  @Test
  void pinsPlacedWithTheKeyboardMoveTheMarkersBackToTheTruth() {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900))) {
      Page page = open(context);
      page.locator("details.all-markers summary").click();
      String before = tNewCell(page, "in-1");
      double tRef =
          ((Number)
                  page.evaluate(
                      "() => window.mtbCompare.data.markers.find(m => m.name === 'in-1').t_ref"))
              .doubleValue();
      double truth = run.truthNew(tRef);
      assertThat(Math.abs(tNew(page, "in-1") - truth)).as("broken before pins").isGreaterThan(0.5);

      pinWithKeys(page, BrokenRun.FROM, 1);
      assertThat(tNewCell(page, "in-1")).as("the marker list after one pin").isNotEqualTo(before);
      pinWithKeys(page, BrokenRun.TO, 2);
      for (String m : List.of("in-1", "in-2", "in-3")) {
        double placed = tNew(page, m);
        double cell = Double.parseDouble(tNewCell(page, m).split(" ")[0]);
        assertThat(placed).as(m).isCloseTo(run.truthNew(placedRef(page, m)), offset());
        assertThat(cell).as(m + " as listed").isCloseTo(placed, Offset.offset(0.006));
      }
      assertThat(page.locator("#ticks .pin-tick").count()).isEqualTo(2);
      screenshot(page, "compare-pins-1400.png");

      // a later new moment pinned to an earlier reference moment: refused, said on the page
      stepTo(page, "new", frame(page, "new") - 45);
      stepTo(page, "ref", frame(page, "ref") + 3);
      page.keyboard().press("p");
      page.locator("#pin-error").waitFor();
      assertThat(page.locator("#pin-error").textContent())
          .contains("conflict", "earlier moment of the reference");
      assertThat(page.locator("#pin-list li[data-t-new]").count()).isEqualTo(2);
      screenshot(page, "compare-pin-refused-1400.png");

      page.locator("#pin-list li[data-t-new] .button").last().click();
      page.waitForFunction(
          "() => document.querySelectorAll('#pin-list li[data-t-new]').length === 1");
      assertThat(refused).as("Content-Security-Policy violations").isEmpty();
    }
  }

  @Test
  void thePinControlsFitAPhone() {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
      Page page = open(context);
      page.locator("#pin-add").waitFor();
      assertThat(page.locator("#pin-add").isVisible()).isTrue();
      screenshot(page, "compare-pins-390.png");
      List<?> w =
          (List<?>)
              page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
      assertThat(((Number) w.get(0)).intValue())
          .as("page width at 390 px")
          .isLessThanOrEqualTo(((Number) w.get(1)).intValue());
      assertThat(refused).as("Content-Security-Policy violations").isEmpty();
    }
  }

  static double placedRef(Page page, String marker) {
    return ((Number)
            page.evaluate(
                "n => window.mtbCompare.data.markers.find(m => m.name === n).t_ref", marker))
        .doubleValue();
  }

  static Offset<Double> offset() {
    return Offset.offset(BrokenRun.FRAME);
  }

  static void screenshot(Page page, String name) {
    String dir = System.getProperty("mtbsync.screenshots");
    if (dir != null && !dir.isBlank()) {
      page.evaluate("() => window.scrollTo(0, 0)");
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(dir, name)).setFullPage(true));
    }
  }
}
