package dev.mtbsync.server.pages;

import dev.mtbsync.artefacts.TimewarpJson;
import dev.mtbsync.export.MarkerTimecodes;
import dev.mtbsync.export.Timecode;
import dev.mtbsync.markers.ConfidenceBand;
import dev.mtbsync.runs.BatchRow;
import dev.mtbsync.server.artefacts.BatchSummaryView;
import dev.mtbsync.server.artefacts.MarkerRow;
import dev.mtbsync.server.artefacts.MarkerTable;
import dev.mtbsync.server.artefacts.RegressionView;
import dev.mtbsync.server.artefacts.RunSummaries;
import dev.mtbsync.server.artefacts.RunSummary;
import dev.mtbsync.server.artefacts.SplitsView;
import dev.mtbsync.server.artefacts.TimewarpView;
import dev.mtbsync.server.files.FileList;
import dev.mtbsync.server.html.Sparkline;
import dev.mtbsync.server.html.WarpPlot;
import dev.mtbsync.server.pages.DashboardPage.BatchCard;
import dev.mtbsync.server.pages.DashboardPage.BatchLine;
import dev.mtbsync.server.pages.DashboardPage.Field;
import dev.mtbsync.server.pages.DashboardPage.FileLink;
import dev.mtbsync.server.pages.DashboardPage.Kpi;
import dev.mtbsync.server.pages.DashboardPage.MarkerLine;
import dev.mtbsync.server.pages.DashboardPage.MarkersCard;
import dev.mtbsync.server.pages.DashboardPage.RegressionCard;
import dev.mtbsync.server.pages.DashboardPage.RegressionRow;
import dev.mtbsync.server.pages.DashboardPage.RunDetail;
import dev.mtbsync.server.pages.DashboardPage.RunRow;
import dev.mtbsync.server.site.DashboardContext;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds {@link DashboardPage} from the root's artefacts; a bad artefact becomes a warning. */
final class DashboardModel {

  /** Runs the list shows; the API lists all. */
  static final int RUNS_SHOWN = 200;

  private DashboardModel() {}

  static DashboardPage build(
      DashboardContext site, String runId, String markersFile, String perfJson) throws IOException {
    List<RunSummary> runs = RunSummaries.list(site.root(), RUNS_SHOWN);
    int total = RunSummaries.count(site.root());
    // opens on the newest run that did not fail: a failed one has no warp worth reading first
    RunSummary selected =
        runs.stream()
            .filter(r -> !r.failed())
            .findFirst()
            .orElse(runs.isEmpty() ? null : runs.get(0));
    if (runId != null && !runId.isBlank()) {
      selected = RunSummaries.read(site.root(), site.root().runDir(runId));
    }
    List<RunRow> rows = new ArrayList<>();
    for (RunSummary r : runs) {
      rows.add(
          new RunRow(
              r.id(),
              Fmt.when(r.finished() != null ? r.finished() : r.modified()),
              r.status(),
              tone(r.ok()),
              r.lap() == null || r.lap().runTimeSec() == null
                  ? Fmt.NONE
                  : Fmt.num(r.lap().runTimeSec(), 2) + " s",
              r.lap() == null ? Fmt.NONE : Fmt.signed(r.lap().gapSec(), 2) + " s",
              r.lap() == null ? "" : gainTone(r.lap().gapSec()),
              sector("best", r.lap() == null ? null : r.lap().best()),
              sector("worst", r.lap() == null ? null : r.lap().worst()),
              Fmt.num(r.p90(), 3),
              Fmt.signedWhole(r.ppm()),
              Fmt.pct(r.inlierFrac()),
              r.newVideo() == null ? "" : r.newVideo(),
              !r.warnings().isEmpty(),
              selected != null && r.id().equals(selected.id()),
              "/?run=" + enc(r.id())));
    }
    RegressionView reg = RegressionView.read(site.root());
    return new DashboardPage(
        new Shell(
            "Dashboard", "dashboard", site.root().root().toString(), site.config().allowWrite()),
        kpis(runs, total, reg),
        rows,
        total,
        selected == null ? null : detail(site, runs, selected, markersFile),
        regression(reg),
        batch(site),
        perfJson);
  }

  private static List<Kpi> kpis(List<RunSummary> runs, int total, RegressionView reg) {
    List<Kpi> k = new ArrayList<>();
    long ok = runs.stream().filter(r -> Boolean.TRUE.equals(r.ok())).count();
    k.add(
        new Kpi(
            "Runs",
            String.valueOf(total),
            total > runs.size() ? "newest " + runs.size() + " listed" : "in this root",
            ""));
    String okPct = runs.isEmpty() ? Fmt.NONE : Math.round(100.0 * ok / runs.size()) + "%";
    k.add(
        new Kpi(
            "Warp OK",
            okPct,
            ok + " of " + runs.size() + " passed their gates",
            runs.isEmpty()
                ? ""
                : ok == runs.size() ? "good" : ok * 10 >= runs.size() * 6 ? "warn" : "bad"));
    RunSummary last = runs.isEmpty() ? null : runs.get(0);
    k.add(
        new Kpi(
            "Latest P90",
            last == null || last.p90() == null ? Fmt.NONE : Fmt.num(last.p90(), 3) + " s",
            last == null ? "no runs yet" : last.id(),
            last == null ? "" : Tones.p90(last.p90())));
    String status = reg.status() == null ? Fmt.NONE : reg.status().toUpperCase(Locale.ROOT);
    k.add(
        new Kpi(
            "Regression",
            status,
            reg.historySize() == null
                ? "no verdict yet"
                : reg.historySize() + (reg.historySize() == 1 ? " run" : " runs") + " of history",
            regressionTone(reg.status())));
    return k;
  }

  private static RunDetail detail(
      DashboardContext site, List<RunSummary> runs, RunSummary r, String markersFile)
      throws IOException {
    Path dir = site.root().runDir(r.id());
    TimewarpView tw = TimewarpView.read(site.root(), dir);
    List<String> warnings = new ArrayList<>(r.warnings());
    tw.warnings().stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);

    List<Field> fields = r.fitted() && tw.file() != null ? fields(tw) : List.of();

    List<Option> options = new ArrayList<>();
    String chosen = markersFile;
    if (chosen != null && !chosen.isBlank() && !r.markerFiles().contains(chosen)) {
      site.root().runFile(chosen, dir); // outside the run: 403, as compare answers
      throw new IllegalArgumentException(chosen + " is not a marker file (new_markers*.csv)");
    }
    if (chosen == null || chosen.isBlank()) {
      String dflt = r.id() + "/new_markers.csv";
      chosen =
          r.markerFiles().contains(dflt)
              ? dflt
              : r.markerFiles().isEmpty() ? null : r.markerFiles().get(0);
    }
    for (String f : r.markerFiles()) {
      options.add(new Option(f, RunSummaries.inRun(r.id(), f), f.equals(chosen)));
    }
    MarkersCard markers = null;
    List<WarpPlot.Mark> marks = new ArrayList<>();
    if (chosen != null) {
      MarkerTable t = MarkerTable.read(site.root(), site.root().existingFile(chosen));
      Timecode known = RunCards.timecode(site, r.id());
      Timecode tc = known != null ? known : RunCards.assumedTimecode();
      List<MarkerLine> lines = new ArrayList<>();
      for (MarkerRow m : t.markers()) {
        lines.add(
            new MarkerLine(
                m.name(),
                Fmt.num(m.tRef(), 3),
                m.tNew() == null ? "not covered" : Fmt.num(m.tNew(), 3),
                m.tNew() == null ? "" : MarkerTimecodes.label(tc, m.tNew()),
                m.tNew() == null || m.halfWidthMs() == null ? "" : "± " + m.halfWidthMs() + " ms",
                Fmt.num(m.confidence(), 2),
                ConfidenceBand.of(m.confidence()).cssClass(),
                (int) Math.round(100 * m.confidence()),
                m.needsReview(),
                cssColour(m.colour()),
                m.comment()));
        if (m.tNew() != null && m.tRef() != null) {
          marks.add(new WarpPlot.Mark(m.name(), m.tNew(), m.tRef(), m.needsReview()));
        }
      }
      markers =
          new MarkersCard(
              t.file(),
              lines,
              t.toReview(),
              RunCards.timecodeNote(tc, known == null),
              t.warnings());
    }
    List<FileLink> files = new ArrayList<>();
    for (FileList.Entry e : FileList.of(site.root(), dir, 3).files()) {
      files.add(
          new FileLink(
              e.path().substring(r.id().length() + 1), fileHref(e.path()), Fmt.size(e.size())));
    }
    boolean videos = site.root().has(dir.resolve(RunSummaries.RUN));
    SplitsView splits = SplitsView.read(site.root(), dir);
    return new RunDetail(
        r.id(),
        r.status(),
        tone(r.ok()),
        fields,
        r.failure(),
        r.failure() == null ? tw.reasons() : List.of(),
        r.fitted() ? WarpPlot.of(tw.warp(), tw.kept(), tw.raw(), marks) : null,
        options,
        markers,
        r.fitted() && !r.failed() ? RunCards.recap(tw, splits) : "",
        DeltaCards.of(splits),
        SectorCards.of(site, runs, r),
        RunCards.gps(tw),
        markers == null || markers.rows().isEmpty() ? List.of() : RunCards.downloads(chosen),
        files,
        warnings,
        videos && r.fitted() ? "/compare?run=" + enc(r.id()) : null);
  }

  /** The warp's quality; only for a run whose timewarp.json holds a fitted mapping. */
  private static List<Field> fields(TimewarpView tw) {
    List<Field> fields = new ArrayList<>();
    TimewarpJson f = tw.file();
    TimewarpJson.Residuals res = f.residuals();
    fields.add(new Field("P90 residual", seconds(res.p90(), 3), Tones.p90(res.p90())));
    fields.add(new Field("MAE", seconds(res.mae(), 3), ""));
    fields.add(new Field("P50 / P95", seconds(res.p50(), 3) + " / " + seconds(res.p95(), 3), ""));
    fields.add(new Field("PPM", Fmt.signedWhole(f.ppm()), ""));
    fields.add(
        new Field("Inlier fraction", Fmt.pct(f.inlierFrac()), Tones.inliers(f.inlierFrac())));
    fields.add(
        new Field(
            "Pairs kept",
            Fmt.whole(whole(f.nInliers())) + " of " + Fmt.whole(whole(f.nPairs())),
            ""));
    fields.add(
        new Field(
            "Affine fit a, b",
            Fmt.num(f.params().a(), 4) + ", " + Fmt.signed(f.params().b(), 2) + " s",
            ""));
    if (tw.warp() != null) {
      fields.add(
          new Field(
              "Covers new time",
              Fmt.num(tw.warp().validFrom(), 2) + "–" + Fmt.num(tw.warp().validTo(), 2) + " s",
              ""));
    }
    fields.add(new Field("Model", f.model() == null ? Fmt.NONE : f.model(), ""));

    return fields;
  }

  private static Double whole(Integer n) {
    return n == null ? null : n.doubleValue();
  }

  private static RegressionCard regression(RegressionView v) {
    List<RegressionRow> rows = new ArrayList<>();
    for (RegressionView.Row r : v.rows()) {
      int digits = r.key().equals("ppm") ? 0 : r.key().equals("p90_sec") ? 3 : 2;
      String delta =
          r.delta() == null
              ? Fmt.NONE
              : (digits == 0 ? Fmt.signed(r.delta(), 0) : Fmt.signed(r.delta(), digits))
                  + (r.deltaPct() == null ? "" : " (" + Fmt.signed(r.deltaPct(), 1) + "%)");
      boolean worse =
          r.delta() != null && (r.key().equals("inlier_frac") ? r.delta() < 0 : r.delta() > 0);
      rows.add(
          new RegressionRow(
              // the regression gate weighs the drift's size, whichever run is faster
              r.key().equals("ppm") ? "|PPM|" : r.label(),
              digits == 0 ? Fmt.whole(r.current()) : Fmt.num(r.current(), digits),
              digits == 0 ? Fmt.whole(r.baseline()) : Fmt.num(r.baseline(), digits),
              delta,
              worse ? "warn" : ""));
    }
    String window =
        v.baselineWindow() == null
            ? ""
            : "baseline: median of "
                + v.baselineWindow()
                + " runs"
                + (v.historySize() == null
                    ? ""
                    : " (" + v.historySize() + " in history before this one)");
    return new RegressionCard(
        v.status() == null ? "unknown" : v.status(),
        regressionTone(v.status()),
        v.runId(),
        rows,
        v.reasons(),
        window,
        v.warnings());
  }

  private static BatchCard batch(DashboardContext site) {
    BatchSummaryView v = BatchSummaryView.read(site.root());
    List<BatchLine> lines = new ArrayList<>();
    long ok = 0;
    for (BatchRow r : v.rows()) {
      boolean good = "ok".equals(r.status()) && Boolean.TRUE.equals(r.timewarpOk());
      ok += good ? 1 : 0;
      List<FileLink> files = new ArrayList<>();
      if (r.runId() != null) {
        try {
          Path dir = site.root().runDir(r.runId());
          for (FileList.Entry e : FileList.of(site.root(), dir, 1).files()) {
            files.add(
                new FileLink(
                    e.path().substring(r.runId().length() + 1),
                    fileHref(e.path()),
                    Fmt.size(e.size())));
          }
        } catch (IOException | IllegalArgumentException gone) {
          // the run folder was pruned or renamed: the row stays, without links
        }
      }
      lines.add(
          new BatchLine(
              r.video(),
              "ok".equals(r.status())
                  ? (Boolean.TRUE.equals(r.timewarpOk()) ? "ok" : "warp not ok")
                  : r.status(),
              good ? "good" : "ok".equals(r.status()) ? "warn" : "bad",
              r.runId(),
              Fmt.num(r.p90(), 3),
              Fmt.seconds(r.totalSec()),
              r.regression(),
              r.error(),
              files));
    }
    List<Sparkline> stages = new ArrayList<>();
    if (!v.rows().isEmpty()) {
      String[] names = {"Decode", "Retrieval", "Warp", "Markers", "Total"};
      for (int i = 0; i < BatchSummaryView.STAGES.size(); i++) {
        stages.add(Sparkline.of(names[i], v.stage(BatchSummaryView.STAGES.get(i)), "s"));
      }
    }
    return new BatchCard(
        v.present(),
        lines,
        stages,
        v.rows().isEmpty() ? "" : ok + " of " + v.rows().size() + " pairs synced with an ok warp",
        v.warnings());
  }

  static String fileHref(String path) {
    StringBuilder b = new StringBuilder("/api/files");
    for (String part : path.split("/")) {
      b.append('/').append(enc(part).replace("+", "%20"));
    }
    return b.toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A marker's colour for CSS: a name or a hex code; anything else is dropped. */
  static String cssColour(String colour) {
    return colour != null && colour.matches("[A-Za-z]{1,20}|#[0-9A-Fa-f]{3,8}") ? colour : "";
  }

  private static String seconds(Double v, int digits) {
    return v == null ? Fmt.NONE : Fmt.num(v, digits) + " s";
  }

  /** "best Berm -0.40 s", empty when there is no such sector. */
  private static String sector(String which, dev.mtbsync.server.artefacts.Lap.Sector s) {
    return s == null ? "" : which + " " + s.name() + " " + Fmt.signed(s.deltaSec(), 2) + " s";
  }

  /** Time lost (above zero) is bad, time gained good. */
  private static String gainTone(Double delta) {
    return delta == null || Math.abs(delta) < 0.005 ? "" : delta > 0 ? "bad" : "good";
  }

  private static String tone(Boolean ok) {
    return ok == null ? "warn" : ok ? "good" : "bad";
  }

  static String regressionTone(String status) {
    if (status == null) {
      return "";
    }
    return switch (status) {
      case "ok" -> "good";
      case "warn" -> "warn";
      case "fail" -> "bad";
      default -> "info";
    };
  }
}
