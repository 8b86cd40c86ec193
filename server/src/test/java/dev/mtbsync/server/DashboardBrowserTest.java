package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.mtbsync.Progress;
import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.artefacts.TimewarpJson;
import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.markers.ConfidenceBand;
import dev.mtbsync.match.MatchConfig;
import dev.mtbsync.runs.SyncPipeline;
import dev.mtbsync.runs.SyncRequest;
import dev.mtbsync.runs.SyncResult;
import dev.mtbsync.runs.TimewarpFile;
import dev.mtbsync.server.site.DashboardConfig;
import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthRenderer;
import dev.mtbsync.testkit.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages in a real headless Chromium over a root with a real sync (a rendered pair): the charts
 * are drawn, a run that finishes while the pages are open appears in every tab within two seconds,
 * and scrubbing the compare view moves the reference video to where the warp says. Skipped, saying
 * why, where no Chromium is installed ({@code .ci/run} installs Debian's). With {@code
 * -Dmtbsync.screenshots=DIR} it also saves a screenshot of each page there.
 */
class DashboardBrowserTest {

  @TempDir static Path work;
  static Path root;
  static SyncResult synced;
  static DashboardServer server;
  static HeadlessChromium chrome;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    Path chromium = HeadlessChromium.findOrSkip(DashboardBrowserTest.class);
    root = Files.createDirectories(work.resolve("root"));
    Path pair = work.resolve("pair");
    SynthRenderer.render(new SynthConfig(5, 8, 480, 270, 30, 30), pair, Progress.NONE);
    synced =
        SyncPipeline.run(
            new SyncRequest(
                pair.resolve("ref.mp4"),
                pair.resolve("new.mp4"),
                null,
                pair.resolve("ref_markers.csv"),
                root.resolve("pairA"), // as sync --out ROOT/pairA: a run in a sub-folder
                OrbConfig.DEFAULT,
                new OrbConfig(3, 960, 500, false),
                MatchConfig.defaults(),
                WarpConfig.DEFAULT,
                0.6),
            Progress.NONE);
    assertThat(synced.ok()).as(String.join("; ", synced.problems())).isTrue();
    RunWriter.write(root, "20200101-090000-aaaa", 1);
    RunWriter.write(root, "20200101-091500-bbbb", 2);
    RunWriter.batchSummary(root, List.of("20200101-090000-aaaa", "20200101-091500-bbbb"));
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

  static String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  /** What Chromium refused under the Content-Security-Policy, as its console reports it. */
  static final List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void nothingWasRefusedByThePolicy() {
    List<String> seen = List.copyOf(refused);
    refused.clear();
    assertThat(seen).as("Content-Security-Policy violations").isEmpty();
  }

  static Page open(BrowserContext context, String path) {
    Page page = context.newPage();
    page.onConsoleMessage(
        m -> {
          if (m.text().contains("Content Security Policy")) {
            refused.add(path + ": " + m.text());
          }
        });
    page.setDefaultTimeout(15_000);
    page.navigate(url(path));
    return page;
  }

  static void screenshot(Page page, String name) {
    String dir = System.getProperty("mtbsync.screenshots");
    if (dir != null && !dir.isBlank()) {
      page.evaluate("() => window.scrollTo(0, 0)");
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(dir, name)).setFullPage(true));
    }
  }

  @Test
  void dashboardDrawsItsChartsAndANewRunReachesEveryTabWithinTwoSeconds() throws Exception {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
      Page first = open(context, "/");
      Page second = open(context, "/");
      for (Page p : List.of(first, second)) {
        p.waitForSelector("#live[data-state=on]");
        p.waitForSelector("#perf-charts svg[data-points='3']");
      }
      assertThat(first.locator("#warp-plot path.warp").count()).isEqualTo(1);
      assertThat(first.locator("#warp-plot circle.pair").count()).isGreaterThan(10);
      Locator fps = first.locator("#perf-charts [data-metric=fps] svg");
      assertThat(fps.locator("path.series").getAttribute("d")).startsWith("M");
      assertThat(first.locator("#perf-charts [data-metric=gpu_util] svg text.empty").textContent())
          .isEqualTo("(no data)");
      assertThat(first.locator("#perf-table tbody tr").count()).isEqualTo(3);
      first.locator("#prune-keep").fill("1");
      first.locator("#prune-preview").click();
      first.waitForSelector("#prune-result:has-text('Would delete')");
      assertThat(first.locator("#prune-result").textContent())
          .startsWith("Would delete 2 of 3 perf.json files, keeping 1");
      assertThat(first.locator("#prune-apply").isEnabled()).isTrue();
      screenshot(first, "dashboard.png");

      long t0 = System.nanoTime();
      RunWriter.write(root, "20200101-120000-cccc", 3);
      for (Page p : List.of(first, second)) {
        p.waitForSelector(
            "#perf-table tr[data-run='20200101-120000-cccc']",
            new Page.WaitForSelectorOptions().setTimeout(4_000));
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertThat(seconds)
          .as("seconds from the run's folder appearing to both tabs")
          .isLessThan(2.0);
      assertThat(first.locator("#perf-charts svg[data-points='4']").count()).isEqualTo(3);
      assertThat(
              first.locator("#runs-table tr[data-run='20200101-120000-cccc'] .pill").textContent())
          .isEqualTo("ok");
      // the row the page drew from the run's JSON shows the figures of its timewarp.json
      TimewarpJson tw = TimewarpJson.read(root.resolve("20200101-120000-cccc/timewarp.json"));
      assertThat(
              first
                  .locator("#runs-table tr[data-run='20200101-120000-cccc'] td.num")
                  .allTextContents())
          .endsWith(
              String.format(java.util.Locale.ROOT, "%.3f", tw.residuals().p90()),
              (tw.ppm() > 0 ? "+" : "")
                  + String.format(java.util.Locale.ROOT, "%,d", Math.round(tw.ppm()))
                      .replace(',', '\u2009'),
              Math.round(100 * tw.inlierFrac()) + "%");
    }
  }

  @Test
  void scrubbingTheCompareViewMovesTheReferenceThroughTheWarp() throws Exception {
    String run = nestedId();
    MonotoneWarp warp = TimewarpFile.read(synced.runDir().resolve("timewarp.json"));
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
      Page page = open(context, "/compare?run=" + run);
      page.waitForFunction(
          "() => document.getElementById('video-new').readyState >= 1"
              + " && document.getElementById('video-ref').readyState >= 1");
      for (double t : new double[] {warp.validFrom(), 1.3, 3.77, warp.validTo()}) {
        double js = ((Number) page.evaluate("t => window.mtbCompare.warp.map(t)", t)).doubleValue();
        assertThat(js)
            .as("browser warp at %.2f s", t)
            .isCloseTo(warp.map(t), org.assertj.core.data.Offset.offset(1e-9));
      }
      for (double t : new double[] {2.0, 5.5, 3.25}) {
        page.evaluate(
            "t => { const s = document.getElementById('scrub'); s.value = t;"
                + " s.dispatchEvent(new Event('input')); }",
            t);
        double expected = warp.map(t);
        page.waitForFunction(
            "e => Math.abs(document.getElementById('video-ref').currentTime - e) < 0.05"
                + " && !document.getElementById('video-ref').seeking",
            expected);
        double ref =
            ((Number) page.evaluate("() => document.getElementById('video-ref').currentTime"))
                .doubleValue();
        assertThat(ref)
            .as("reference time after scrubbing to %.2f s", t)
            .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.05));
      }
      page.locator("#near li a.near-item").first().waitFor();
      // every marker row is coloured by core's confidence bands, which the page gets in its data
      @SuppressWarnings("unchecked")
      List<List<Object>> rows =
          (List<List<Object>>)
              page.evaluate(
                  "() => window.mtbCompare.data.markers.map((m, i) => [m.confidence,"
                      + " document.querySelectorAll('#all-markers tbody tr')[i].className])");
      assertThat(rows).isNotEmpty();
      for (List<Object> r : rows) {
        assertThat(r.get(1))
            .isEqualTo(ConfidenceBand.of(((Number) r.get(0)).doubleValue()).cssClass());
      }
      // the run's one time gap, as its dashboard states it; no marker-placement "delta" that
      // reads 0 ms for markers this very warp placed
      String gap = page.locator("#compare-gap").textContent();
      Page dash =
          open(
              context,
              "/?run=" + java.net.URLEncoder.encode(run, java.nio.charset.StandardCharsets.UTF_8));
      assertThat(dash.locator("#time-gap").textContent()).isEqualTo(gap);
      dash.close();
      assertThat(gap).matches("[+-]\\d+\\.\\d\\d s( lost| gained)?");
      // at the last gate the running gap at the playhead is that same figure
      page.locator("#gate-jumps .gate-jump").last().click();
      page.waitForFunction(
          "() => { const c = window.mtbCompare; return !c.vNew.seeking && !c.vRef.seeking"
              + " && Math.abs(c.vNew.currentTime - c.data.gap.gates.at(-1).t_new) < 0.002; }");
      double atLastGate =
          Double.parseDouble(
              page.locator("#gap-at").textContent().split(" ")[0].replace('\u2212', '-'));
      assertThat(atLastGate)
          .as("the gap at the last gate against the card's " + gap)
          .isCloseTo(
              Double.parseDouble(gap.split(" ")[0]), org.assertj.core.data.Offset.offset(0.011));
      assertThat(page.locator("#gap-card").textContent())
          .doesNotContain("0 ms", "very warp", "Choose a");
      assertThat(page.locator("#delta-kpis").count()).isZero();
      page.locator("#ann-marker")
          .selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(0));
      page.locator("#ann-label").fill("late");
      page.locator("#ann-note").fill("lands after the lip");
      page.locator("#ann-save").click();
      page.waitForSelector("#ann-list li:has-text('lands after the lip')");
      assertThat(synced.runDir().resolve("annotations.json")).exists();
      screenshot(page, "compare.png");
    }
  }

  /** The synced run's id: its path under the root ({@code pairA/RUN}). */
  static String nestedId() {
    return root.relativize(synced.runDir()).toString().replace('\\', '/');
  }

  @Test
  void everyPageFitsAPhoneAndADesktopWithoutSidewaysScrolling() {
    String run = java.net.URLEncoder.encode(nestedId(), java.nio.charset.StandardCharsets.UTF_8);
    String[][] pages = {
      {"/", "dashboard"},
      {"/?run=" + run, "dashboard-run"},
      {"/compare", "compare-pick"},
      {"/compare?run=" + run, "compare-run"},
      {"/telemetry", "telemetry"},
      {"/?run=nope", "error"}
    };
    for (int width : new int[] {390, 1400}) {
      try (BrowserContext context =
          browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 844))) {
        for (String[] p : pages) {
          Page page = open(context, p[0]);
          page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
          if (p[1].equals("dashboard") || p[1].equals("telemetry")) {
            page.waitForSelector("#perf-charts svg[data-points]");
          }
          screenshot(page, p[1] + "-" + width + ".png");
          int[] sizes = widths(page);
          assertThat(sizes[0])
              .as("%s at %d px: page width (widest element: %s)", p[0], width, widest(page))
              .isLessThanOrEqualTo(sizes[1]);
          page.close();
        }
      }
    }
  }

  @Test
  void theNestedRunShowsItsGapItsWorstSectorAndItsMarkerIntervals() {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
      Page page = open(context, "/");
      // the root's only synced run sits in pairA/: found and listed by its path
      assertThat(page.locator("#runs-table tr[data-run='" + nestedId() + "']").count())
          .isEqualTo(1);
      page.locator("#runs-table tr[data-run='" + nestedId() + "'] a.run-id").click();
      page.waitForSelector("#time-gap");
      String gap = page.locator("#time-gap").textContent();
      String last =
          page.locator(".splits-table tbody tr:last-child td:nth-child(3)").textContent().strip();
      assertThat(gap).as("headline vs the table's last running delta").startsWith(last + " s");
      assertThat(page.locator(".markers-table .pm").count()).isGreaterThan(0);
      // the splits table scrolls inside its card, its first column stays in view
      Locator firstCell = page.locator(".splits-table tbody tr:first-child td:first-child");
      assertThat(firstCell.evaluate("e => getComputedStyle(e).position")).isEqualTo("sticky");
      assertThat(widths(page)[0]).isLessThanOrEqualTo(390);
    }
  }

  /** {document scroll width, window inner width} (px). */
  static int[] widths(Page page) {
    List<?> w =
        (List<?>) page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
    return new int[] {((Number) w.get(0)).intValue(), ((Number) w.get(1)).intValue()};
  }

  /** The element reaching furthest right, to say what overflows. */
  static String widest(Page page) {
    return (String)
        page.evaluate(
            "() => { const clipped = e => { for (let a = e.parentElement; a && a !== document.body;"
                + " a = a.parentElement) { if (getComputedStyle(a).overflowX !== 'visible') return true; }"
                + " return false; };"
                + " let best = null, r = 0; for (const e of document.querySelectorAll('body *')) {"
                + " const x = e.getBoundingClientRect().right; if (x > r && !clipped(e)) { r = x; best = e; } }"
                + " return best ? best.tagName + '.' + best.className + ' @' + Math.round(r) : ''; }");
  }

  @Test
  void telemetryPageFiltersAndSmooths() {
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
      Page page = open(context, "/telemetry");
      page.waitForSelector("#perf-charts svg[data-points]");
      int all = page.locator("#perf-table tbody tr").count();
      assertThat(all).isGreaterThanOrEqualTo(3);
      page.locator("#last-n").fill("2");
      page.waitForFunction("() => document.querySelectorAll('#perf-table tbody tr').length === 2");
      page.locator("#smooth").check();
      assertThat(page.locator("#perf-charts [data-metric=fps] path.series.faint").count())
          .isEqualTo(1);
      page.locator("input[name=metric][value=gpu_mem_mb]").uncheck();
      page.locator("#perf-charts [data-metric=gpu_mem_mb]")
          .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
      page.locator("#last-n").fill("");
      page.locator("#smooth").uncheck();
      page.locator("input[name=metric][value=gpu_mem_mb]").check();
      screenshot(page, "telemetry.png");
    }
  }
}
