package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.mtbsync.Progress;
import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.gps.Splits;
import dev.mtbsync.gps.TimeGap;
import dev.mtbsync.markers.MarkerCsv;
import dev.mtbsync.runs.TimewarpFile;
import dev.mtbsync.server.site.DashboardConfig;
import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthPlan;
import dev.mtbsync.synth.SynthRenderer;
import dev.mtbsync.synth.SynthTruth;
import dev.mtbsync.testkit.HeadlessChromium;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compare page in a real headless Chromium over a rendered pair whose new rider stops (the true
 * warp as timewarp.json, its markers as gates, in a sub-folder of the root): playing through the
 * stop keeps the reference within a frame of the warp; the gap at the playhead, the sector and the
 * jumps to each gate say what core computes; {@code t=} opens the page at a moment; the page fits
 * 390 px and 1400 px. Skipped, saying why, where no Chromium is installed. With {@code
 * -Dmtbsync.screenshots=DIR} it saves screenshots there.
 */
class ComparePlaybackBrowserTest {

  static final String RUN = "trail/run-stop";
  static final double FPS = 30;

  @TempDir static Path work;
  static SynthTruth.Interval stop;
  static MonotoneWarp warp;
  static List<Splits.Gate> gates;
  static DashboardServer server;
  static HeadlessChromium chrome;
  static Browser browser;

  /** The first seed whose new rider stops at least 3 s into a 12 s pair. */
  static SynthConfig pairWithAStop() {
    for (long seed = 1; seed < 200; seed++) {
      SynthConfig c = new SynthConfig(seed, 12, 320, 180, FPS, FPS);
      SynthTruth.Interval s = SynthPlan.of(c).truth().stop();
      if (s != null && s.start() >= 3 && s.end() <= 9) {
        return c;
      }
    }
    throw new AssertionError("no seed below 200 renders a stop");
  }

  @BeforeAll
  static void start() throws Exception {
    Path chromium = HeadlessChromium.findOrSkip(ComparePlaybackBrowserTest.class);
    SynthConfig config = pairWithAStop();
    Path pair = work.resolve("pair");
    SynthRenderer.render(config, pair, Progress.NONE);
    stop = SynthTruth.read(pair.resolve(SynthRenderer.TRUTH)).stop();
    Path root = work.resolve("root");
    Path run = RenderRunWriter.write(root, RUN, pair);
    warp = TimewarpFile.read(run.resolve("timewarp.json"));
    gates = Splits.of(MarkerCsv.readNew(run.resolve("new_markers.csv")), null, null);
    assertThat(gates).as("gates of the pair").hasSizeGreaterThanOrEqualTo(4);
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

  static Page open(BrowserContext context, double t) {
    Page page = context.newPage();
    page.setDefaultTimeout(30_000);
    page.navigate(
        "http://127.0.0.1:"
            + server.port()
            + "/compare?run="
            + RUN
            + "&t="
            + String.format(Locale.ROOT, "%.3f", t));
    page.waitForFunction(
        "() => document.getElementById('video-new').readyState >= 2"
            + " && document.getElementById('video-ref').readyState >= 2");
    settle(page);
    return page;
  }

  /** Waits until neither video is seeking and the reference stands where the warp puts it. */
  static void settle(Page page) {
    page.waitForFunction(
        "() => { const c = window.mtbCompare, n = c.vNew, r = c.vRef;"
            + " return !n.seeking && !r.seeking"
            + " && Math.abs(r.currentTime - c.warp.map(n.currentTime)) < 0.002; }");
  }

  static double number(Page page, String js) {
    return ((Number) page.evaluate(js)).doubleValue();
  }

  /** The gap as the page words it, computed by core on the run's warp. */
  static String coreGap(double tNew) {
    double d = TimeGap.runningAt(warp, gates.get(0), tNew);
    String s = (d >= 0 ? "+" : "−") + String.format(Locale.ROOT, "%.2f s", Math.abs(d));
    return d >= 0.005 ? s + " behind" : d <= -0.005 ? s + " ahead" : "±0.00 s level";
  }

  @Test
  void playingThroughAStopKeepsTheReferenceWithinAFrameOfTheWarp() {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900))) {
      double from = Math.max(0.5, stop.start() - 1.5);
      Page page = open(context, from);
      page.evaluate("t => window.mtbCompare.seekBoth(t)", from);
      settle(page);
      // every animation frame: the new run's time, the reference's, and the warp's for it
      page.evaluate(
          "() => { const c = window.mtbCompare; window.samples = [];"
              + " (function tick() { if (c.state.playing) { window.samples.push([c.vNew.currentTime,"
              + " c.vRef.currentTime, c.warp.map(c.vNew.currentTime)]); }"
              + " requestAnimationFrame(tick); })(); }");
      page.locator("#play").click();
      double until = Math.min(stop.end() + 1.5, warp.validTo() - 0.5);
      page.waitForFunction(
          "t => window.mtbCompare.vNew.currentTime > t",
          until,
          new Page.WaitForFunctionOptions().setTimeout(60_000));
      page.locator("#play").click();
      List<?> samples = (List<?>) page.evaluate("() => window.samples");
      double maxStop = 0;
      double maxAll = 0;
      int inStop = 0;
      for (Object o : samples) {
        List<?> s = (List<?>) o;
        double tNew = ((Number) s.get(0)).doubleValue();
        double drift =
            Math.abs(((Number) s.get(1)).doubleValue() - ((Number) s.get(2)).doubleValue());
        maxAll = Math.max(maxAll, drift);
        if (tNew >= stop.start() - 0.5 && tNew <= stop.end() + 0.5) {
          maxStop = Math.max(maxStop, drift);
          inStop++;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "ComparePlaybackBrowserTest: stop %.2f-%.2f s, %d frames sampled (%d in the stop):"
              + " max drift %.1f ms in the stop, %.1f ms over the whole play%n",
          stop.start(),
          stop.end(),
          samples.size(),
          inStop,
          1000 * maxStop,
          1000 * maxAll);
      assertThat(inStop).as("frames sampled through the stop").isGreaterThan(30);
      // one frame of the reference, plus decoding slack
      assertThat(maxStop).as("reference drift through the stop (s)").isLessThan(1 / FPS + 0.02);
      assertThat(maxAll).as("reference drift over the whole play (s)").isLessThan(1 / FPS + 0.04);
    }
  }

  @Test
  void theGapAtThePlayheadTheSectorAndTheGateJumpsAtDesktopWidth() {
    gapSectorAndJumps(1400, 900);
  }

  @Test
  void theGapAtThePlayheadTheSectorAndTheGateJumpsOnAPhone() {
    gapSectorAndJumps(390, 844);
  }

  void gapSectorAndJumps(int width, int height) {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height))) {
      Splits.Gate a = gates.get(1);
      Splits.Gate b = gates.get(2);
      double mid = (a.tNew() + b.tNew()) / 2;
      Page page = open(context, mid);
      double tNew = number(page, "() => window.mtbCompare.vNew.currentTime");
      assertThat(tNew).isCloseTo(mid, Offset.offset(0.05));
      assertThat(page.locator("#gap-at").textContent()).isEqualTo(coreGap(tNew));
      assertThat(page.locator("#gap-badge").textContent()).isEqualTo(coreGap(tNew));
      assertThat(page.locator("#gap-badge").isVisible()).as("the gap beside the new run").isTrue();
      assertThat(page.locator("#sector-now").textContent())
          .isEqualTo("sector 2/" + (gates.size() - 1) + ": " + a.name() + " → " + b.name());
      screenshot(page, "compare-gap-" + width + ".png");

      // a gate button moves both videos to the gate, in step
      Splits.Gate last = gates.get(gates.size() - 1);
      page.locator("#gate-jumps .gate-jump").nth(gates.size() - 1).click();
      page.waitForFunction(
          "t => Math.abs(window.mtbCompare.vNew.currentTime - t) < 0.002", last.tNew());
      settle(page);
      assertThat(number(page, "() => window.mtbCompare.vRef.currentTime"))
          .isCloseTo(last.tRef(), Offset.offset(0.5 / FPS));
      assertThat(page.locator("#gap-at").textContent())
          .isEqualTo(coreGap(last.tNew()))
          .startsWith(
              String.format(
                  Locale.ROOT,
                  "%s%.2f s",
                  last.deltaSec() >= 0 ? "+" : "−",
                  Math.abs(last.deltaSec())));
      assertThat(page.locator("#gap-at").getAttribute("class"))
          .contains(
              last.deltaSec() >= 0.005 ? "bad" : last.deltaSec() <= -0.005 ? "good" : "gap-at");
      assertThat(page.locator("#gate-jumps .gate-jump.current").textContent())
          .startsWith(last.name());

      // a marker's name links to /compare at its moment, and moves both videos there in place
      page.locator("details.all-markers summary").click();
      var link =
          page.locator("#all-markers a", new Page.LocatorOptions().setHasText(a.name())).first();
      assertThat(link.getAttribute("href"))
          .isEqualTo(
              String.format(
                  Locale.ROOT, "/compare?run=%s&t=%.3f", RUN.replace("/", "%2F"), a.tNew()));
      String url = page.url();
      link.click();
      page.waitForFunction(
          "t => Math.abs(window.mtbCompare.vNew.currentTime - t) < 0.002", a.tNew());
      assertThat(page.url()).isEqualTo(url);

      List<?> w =
          (List<?>)
              page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
      assertThat(((Number) w.get(0)).intValue())
          .as("page width at " + width + " px")
          .isLessThanOrEqualTo(((Number) w.get(1)).intValue());
      screenshot(page, "compare-gate-" + width + ".png");
    }
  }

  static void screenshot(Page page, String name) {
    String dir = System.getProperty("mtbsync.screenshots");
    if (dir != null && !dir.isBlank()) {
      page.evaluate("() => window.scrollTo(0, 0)");
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(dir, name)).setFullPage(true));
    }
  }
}
