package dev.mtbsync.server.pages;

import dev.mtbsync.server.artefacts.RunSummaries;
import dev.mtbsync.server.artefacts.RunSummary;
import dev.mtbsync.server.artefacts.SplitsView;
import dev.mtbsync.server.compare.CompareSource;
import dev.mtbsync.server.compare.CompareView;
import dev.mtbsync.server.compare.StartAt;
import dev.mtbsync.server.html.Templates;
import dev.mtbsync.server.json.ApiJson;
import dev.mtbsync.server.perf.PerfHistory;
import dev.mtbsync.server.site.DashboardContext;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** The three pages: {@code GET /}, {@code GET /telemetry} and {@code GET /compare}. */
public final class Pages {

  static final int HISTORY = 500;

  private final DashboardContext site;

  public Pages(DashboardContext site) {
    this.site = site;
  }

  /** {@code ?run=ID} selects a run (default: the newest), {@code &markers=FILE} a marker file. */
  public void dashboard(Context ctx) throws Exception {
    DashboardPage page =
        DashboardModel.build(site, ctx.queryParam("run"), ctx.queryParam("markers"), history());
    ctx.html(Templates.render("dashboard/index.jte", "page", page));
  }

  public void telemetry(Context ctx) {
    TelemetryPage page =
        new TelemetryPage(shell("Telemetry", "telemetry"), TelemetryPage.METRICS, history());
    ctx.html(Templates.render("telemetry/index.jte", "page", page));
  }

  /**
   * {@code ?run=ID} compares a run; without it, the compare-ui session or a list to pick from.
   * {@code &t=SECONDS} opens it at that moment of the new run.
   */
  public void compare(Context ctx) throws Exception {
    String run = ctx.queryParam("run");
    Double startAt = StartAt.parse(ctx.queryParam("t"));
    Shell shell = shell("Compare", "compare");
    ComparePage page;
    if ((run == null || run.isBlank()) && site.config().compare() == null) {
      page =
          new ComparePage(
              shell, picks(), null, "Pick a run to compare", null, List.of(), null, null);
    } else {
      CompareSource s =
          run == null || run.isBlank()
              ? CompareSource.ofSession(site.config().compare())
              : CompareSource.ofRun(site.root(), run, ctx.queryParam("markers"));
      CompareView v = site.compareView(s);
      String heading =
          (v.ref().name() == null ? "reference" : v.ref().name())
              + " ↔ "
              + (v.neu().name() == null ? "new run" : v.neu().name());
      List<Option> files = new ArrayList<>();
      if (s.runId() != null) {
        for (String f : RunSummaries.markerFiles(site.root(), site.root().runDir(s.runId()))) {
          String name = RunSummaries.inRun(s.runId(), f);
          boolean chosen =
              s.newMarkers() != null && s.newMarkers().getFileName().toString().equals(name);
          files.add(new Option(f, name, chosen));
        }
      }
      DashboardPage.DeltaCard gap =
          s.runId() == null
              ? null
              : DeltaCards.of(SplitsView.read(site.root(), site.root().runDir(s.runId())));
      page =
          new ComparePage(
              shell, List.of(), ApiJson.forScript(v), heading, s.runId(), files, gap, startAt);
    }
    ctx.html(Templates.render("compare/index.jte", "page", page));
  }

  private List<ComparePage.Pick> picks() throws Exception {
    List<ComparePage.Pick> out = new ArrayList<>();
    for (RunSummary r : RunSummaries.list(site.root(), DashboardModel.RUNS_SHOWN)) {
      if (!site.root().has(site.root().runDir(r.id()).resolve(RunSummaries.RUN))) {
        continue; // no run.json (or one that is a link out of the root): no videos to show
      }
      out.add(
          new ComparePage.Pick(
              r.id(),
              Fmt.when(r.finished() != null ? r.finished() : r.modified()),
              r.status(),
              r.ok() == null ? "warn" : r.ok() ? "good" : "bad",
              r.newVideo() == null ? "" : r.newVideo(),
              "/compare?run="
                  + java.net.URLEncoder.encode(r.id(), java.nio.charset.StandardCharsets.UTF_8)));
    }
    return out;
  }

  private String history() {
    return ApiJson.forScript(
        PerfHistory.of(site.watcher(), site.perf(), HISTORY, TelemetryPage.FIELDS));
  }

  private Shell shell(String title, String active) {
    return new Shell(title, active, site.root().root().toString(), site.config().allowWrite());
  }
}
