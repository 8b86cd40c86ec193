package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import dev.mtbsync.Progress;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.export.FrameRate;
import dev.mtbsync.export.MarkerTimecodes;
import dev.mtbsync.export.Timecode;
import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.gps.GpsInputs;
import dev.mtbsync.gps.GpsSource;
import dev.mtbsync.gps.RunRecap;
import dev.mtbsync.gps.Splits;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.match.MatchConfig;
import dev.mtbsync.runs.SyncPipeline;
import dev.mtbsync.runs.SyncRequest;
import dev.mtbsync.runs.SyncResult;
import dev.mtbsync.runs.TimewarpFile;
import dev.mtbsync.server.artefacts.SplitsView;
import dev.mtbsync.server.files.RootPath;
import dev.mtbsync.server.site.DashboardConfig;
import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthPlan;
import dev.mtbsync.synth.SynthRenderer;
import dev.mtbsync.testkit.HeadlessChromium;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run's page as a rider and an editor read it, in a real headless Chromium at a phone's 390 px
 * and a desktop's 1400 px, over two real syncs of one rendered reference: the new run (whose synth
 * rider stops on the trail) with both riders' GPS, and the same run re-timed 1.2 times slower by
 * FFmpeg, without GPS. Skipped, saying why, where no Chromium is installed. With {@code
 * -Dmtbsync.screenshots=DIR} it saves a screenshot of each page at each width there.
 */
class RunPageBrowserTest {

  @TempDir static Path work;
  static Path root;
  static SyncResult quick;
  static SyncResult slow;
  static DashboardServer server;
  static HeadlessChromium chrome;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    Path chromium = HeadlessChromium.findOrSkip(RunPageBrowserTest.class);
    root = Files.createDirectories(work.resolve("root"));
    Path pair = work.resolve("pair");
    SynthRenderer.render(withAStop(), pair, Progress.NONE);
    quick =
        sync(
            pair,
            pair.resolve("new.mp4"),
            new GpsInputs(
                GpsSource.file(pair.resolve("ref.gpx"), 0),
                GpsSource.file(pair.resolve("new.gpx"), 0)));
    slow = sync(pair, retimed(pair.resolve("new.mp4"), work.resolve("new-slow.mp4"), 25), null);
    assertThat(quick.ok()).as(String.join("; ", quick.problems())).isTrue();
    assertThat(slow.ok()).as(String.join("; ", slow.problems())).isTrue();
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

  /** The first synth pair whose new rider stops on the trail. */
  static SynthConfig withAStop() {
    for (long seed = 1; ; seed++) {
      SynthConfig c = new SynthConfig(seed, 12, 480, 270, 30, 30);
      if (SynthPlan.of(c).truth().stop() != null) {
        return c;
      }
    }
  }

  static SyncResult sync(Path pair, Path newVideo, GpsInputs gps) throws Exception {
    return SyncPipeline.run(
        new SyncRequest(
            pair.resolve("ref.mp4"),
            newVideo,
            null,
            pair.resolve("ref_markers.csv"),
            root.resolve("trail"),
            OrbConfig.DEFAULT,
            new OrbConfig(3, 960, 500, false),
            MatchConfig.defaults(),
            WarpConfig.DEFAULT,
            0.6,
            gps),
        Progress.NONE);
  }

  /** Every frame of {@code in} again at {@code fps}: the same ride, played slower or faster. */
  static Path retimed(Path in, Path out, double fps) throws Exception {
    try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(in.toFile())) {
      g.start();
      try (FFmpegFrameRecorder r =
          new FFmpegFrameRecorder(out.toFile(), g.getImageWidth(), g.getImageHeight(), 0)) {
        r.setFormat("mp4");
        r.setVideoCodec(avcodec.AV_CODEC_ID_H264);
        r.setFrameRate(fps);
        r.setVideoOption("crf", "20");
        r.start();
        for (Frame f = g.grabImage(); f != null; f = g.grabImage()) {
          r.record(f);
        }
      }
    }
    return out;
  }

  static String id(SyncResult r) {
    return root.relativize(r.runDir()).toString().replace('\\', '/');
  }

  static String url(SyncResult r) {
    return "http://127.0.0.1:"
        + server.port()
        + "/?run="
        + URLEncoder.encode(id(r), StandardCharsets.UTF_8);
  }

  static Page open(BrowserContext context, String url) {
    Page page = context.newPage();
    page.setDefaultTimeout(15_000);
    page.navigate(url);
    page.waitForLoadState(LoadState.NETWORKIDLE);
    return page;
  }

  /** The rider's line as the page must show it: from the run's own files, capitalised. */
  static String recap(SyncResult r) throws Exception {
    List<Splits.Gate> gates = SplitsView.read(new RootPath(root), r.runDir()).gates();
    String line = RunRecap.of(gates, TimewarpFile.read(r.runDir().resolve("timewarp.json"))).line();
    return line.substring(0, 1).toUpperCase(Locale.ROOT) + line.substring(1);
  }

  @Test
  void theRunPageStatesTheRidersLineTheSectorsTheGpsAndTheTimecodesAtBothWidths() throws Exception {
    // the sectors the two runs share, with the reference's: each one's best, and their sum
    assertThat(quick.splits())
        .extracting(Splits.Gate::name)
        .isEqualTo(slow.splits().stream().map(Splits.Gate::name).toList());
    double theoretical = 0;
    for (int i = 1; i < quick.splits().size(); i++) {
      theoretical +=
          Math.min(
              quick.splits().get(i).refSectorSec(),
              Math.min(quick.splits().get(i).newSectorSec(), slow.splits().get(i).newSectorSec()));
    }
    for (int width : new int[] {390, 1400}) {
      try (BrowserContext context =
          browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 844))) {
        Page page = open(context, url(quick));
        String line = page.locator("#run-recap").textContent().strip();
        assertThat(line).isEqualTo(recap(quick)).contains("stopped about");

        // sectors: the reference and both runs, a best in every column, the theoretical best
        int sectors = quick.splits().size() - 1;
        assertThat(page.locator(".sectors-table tbody tr").count()).isEqualTo(3);
        for (int col = 2; col <= sectors + 1; col++) {
          assertThat(page.locator(".sectors-table tbody td:nth-child(" + col + ").best").count())
              .as("bests in sector column %d", col)
              .isGreaterThanOrEqualTo(1);
        }
        assertThat(Double.parseDouble(page.locator("#theoretical-best").textContent()))
            .isCloseTo(theoretical, within(0.006));
        assertThat(
                page.locator(".sectors-table tbody tr.selected a.run-id").getAttribute("data-run"))
            .isEqualTo(id(quick));
        assertThat(
                page.locator(".sectors-table tbody tr:first-child td:first-child")
                    .evaluate("e => getComputedStyle(e).position"))
            .isEqualTo("sticky");

        // the GPS the sync used: both tracks, with their lengths
        assertThat(page.locator("#gps .gps-table tbody tr").count()).isEqualTo(2);
        assertThat(page.locator("#gps .gps-table tbody").textContent()).contains("ref.gpx", " m");

        // timecodes at the new video's 30 fps, as the exports place the markers
        Timecode tc = MarkerTimecodes.at(FrameRate.FPS_30);
        List<String> expected = new ArrayList<>();
        for (NewMarker m : quick.markers()) {
          expected.add(Double.isFinite(m.tNew()) ? MarkerTimecodes.label(tc, m.tNew()) : "");
        }
        assertThat(page.locator(".markers-table td.tc").allTextContents()).isEqualTo(expected);

        // the editor downloads: each answers with a named file
        assertThat(page.locator("#marker-downloads a").count()).isEqualTo(5);
        for (String href :
            page.locator("#marker-downloads a").all().stream()
                .map(a -> a.getAttribute("href"))
                .toList()) {
          APIResponse r = page.request().get("http://127.0.0.1:" + server.port() + href);
          assertThat(r.status()).as(href).isEqualTo(200);
          assertThat(r.headers().get("content-disposition")).contains("new_markers");
          assertThat(r.text()).as(href).contains(quick.markers().get(1).name());
        }
        DashboardBrowserTest.screenshot(page, "run-" + width + ".png");
        assertThat(DashboardBrowserTest.widths(page)[0])
            .as("run page at %d px (widest: %s)", width, DashboardBrowserTest.widest(page))
            .isLessThanOrEqualTo(width);

        // the re-timed run: in the same table, no GPS block, timecodes at its own 25 fps
        Page other = open(context, url(slow));
        assertThat(
                other.locator(".sectors-table tbody tr.selected a.run-id").getAttribute("data-run"))
            .isEqualTo(id(slow));
        assertThat(other.locator("#gps").count()).isZero();
        NewMarker first =
            slow.markers().stream()
                .filter(m -> Double.isFinite(m.tNew()))
                .findFirst()
                .orElseThrow();
        assertThat(other.locator(".markers-table td.tc").allTextContents())
            .contains(MarkerTimecodes.label(MarkerTimecodes.at(FrameRate.FPS_25), first.tNew()));
        DashboardBrowserTest.screenshot(other, "run-slow-" + width + ".png");
        assertThat(DashboardBrowserTest.widths(other)[0]).isLessThanOrEqualTo(width);

        // the runs list: best and worst sector shown whole, never cut off
        List<?> cut =
            (List<?>)
                page.evaluate(
                    "() => [...document.querySelectorAll('#runs-table .sectors')]"
                        + ".filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)");
        assertThat(cut).as("sector lines cut at %d px", width).isEmpty();
        assertThat(page.locator("#runs-table .sectors").count()).isEqualTo(2);
      }
    }
  }
}
