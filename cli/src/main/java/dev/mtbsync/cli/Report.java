package dev.mtbsync.cli;

import dev.mtbsync.align.WarpQuality;
import dev.mtbsync.export.ExportResult;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.runs.Perf;
import dev.mtbsync.runs.SyncResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The one-screen summaries commands print. */
final class Report {

  private Report() {}

  static void sync(PrintWriter o, SyncResult r, boolean quiet) {
    Perf p = r.perf();
    o.printf(Locale.ROOT, "run folder   %s%n", r.runDir());
    if (quiet) {
      return;
    }
    o.printf(
        Locale.ROOT,
        "timings      decode %.2f s  retrieval_sec %.2f  warp_sec %.3f  markers_sec %.3f  total_sec %.2f  (%d frames, %.0f fps, CPU %.0f%%)%n",
        p.decodeSec(),
        p.retrievalSec(),
        p.warpSec(),
        p.markersSec(),
        p.totalSec(),
        p.framesProcessed(),
        p.fps(),
        p.cpuPct());
    if (r.proxy() != null) {
      o.printf(
          Locale.ROOT,
          "analysed     the new run's proxy %s (markers on the video's own frames)%n",
          r.proxy().getFileName());
    }
    WarpQuality q = r.quality();
    if (q != null) {
      o.printf(
          Locale.ROOT,
          "time-warp    %s  %d of %d pairs inliers (%.0f%%)  residuals p50 %.3f s  p90 %.3f s  p95 %.3f s%n",
          r.ok() ? "ok" : "NOT OK",
          q.inliers(),
          q.pairs(),
          100 * q.inlierFrac(),
          q.p50(),
          q.p90(),
          q.p95());
      o.printf(
          Locale.ROOT,
          "             covers new %.2f s .. %.2f s; average speed ratio %.3f (ppm %+.0f)%n",
          r.warp().validFrom(),
          r.warp().validTo(),
          q.a(),
          q.ppm());
    }
    o.printf(Locale.ROOT, "camera       %s%n", r.camera().describe());
    markers(o, r.markers());
  }

  /**
   * The sync result as one JSON object: run folder, ok, problems, timings, quality, markers, and
   * the editor files exported.
   */
  static void json(PrintWriter o, SyncResult r, List<ExportResult> exports) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_dir", r.runDir().toString());
    m.put("ok", r.ok());
    m.put("problems", r.problems());
    m.put("warnings", r.warnings());
    m.put("proxy", r.proxy() == null ? null : r.proxy().toString());
    m.put("perf", r.perf());
    m.put("quality", r.quality());
    m.put(
        "valid_t_new",
        r.warp() == null ? null : new double[] {r.warp().validFrom(), r.warp().validTo()});
    List<Map<String, Object>> markers = new ArrayList<>();
    for (NewMarker n : r.markers()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("name", n.name());
      x.put("t_ref", n.tRef());
      x.put("t_new", Double.isNaN(n.tNew()) ? null : n.tNew());
      x.put("t_new_lo", n.hasInterval() ? n.tNewLo() : null);
      x.put("t_new_hi", n.hasInterval() ? n.tNewHi() : null);
      x.put("confidence", n.confidence());
      x.put("needs_review", n.needsReview());
      markers.add(x);
    }
    m.put("markers", markers);
    m.put("camera", r.camera().toJson());
    m.put("gps", r.gps() == null ? null : r.gps().lines());
    m.put("splits", GpsReport.splits(r.splits()));
    m.put("exports", exports.stream().map(e -> e.file().toString()).toList());
    o.println(
        dev.mtbsync.io.Json.MAPPER
            .copy()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(m));
  }

  /**
   * What an export wrote: the file and how markers were placed on {@code o}; each marker left out
   * or joined to another, one line each, on {@code err} (even when quiet: the file does not hold
   * them as they were).
   */
  static void export(PrintWriter o, PrintWriter err, ExportResult r, boolean quiet) {
    for (String problem : r.problems()) {
      err.println("mtbsync: warning: " + problem);
    }
    o.println(r.file());
    if (r.jsonFile() != null) {
      o.println(r.jsonFile());
    }
    if (quiet) {
      return;
    }
    o.printf(
        Locale.ROOT,
        "  %s: %d marker%s at %s %s, timeline start %s%n",
        r.preset(),
        r.written(),
        r.written() == 1 ? "" : "s",
        r.timecode().rate(),
        r.timecode().dropFrame() ? "drop-frame" : "non-drop-frame",
        r.timelineStart());
    if (r.video() != null) {
      o.printf(
          Locale.ROOT,
          "  clip %s%s%n",
          r.video(),
          r.clipStart() == null ? "" : ", its own timecode starting " + r.clipStart());
    }
    for (String note : r.notes()) {
      o.println("  note: " + note);
    }
  }

  static void markers(PrintWriter o, List<NewMarker> markers) {
    if (markers.isEmpty()) {
      return;
    }
    long review = markers.stream().filter(NewMarker::needsReview).count();
    o.printf(
        Locale.ROOT,
        "markers      %d transferred, %d flagged for review%n",
        markers.size(),
        review);
    for (NewMarker m : markers) {
      o.printf(
          Locale.ROOT,
          "  %-18s t_ref %8.3f  ->  t_new %s %s  conf %.2f%s%n",
          m.name(),
          m.tRef(),
          Double.isNaN(m.tNew()) ? "    --  " : String.format(Locale.ROOT, "%8.3f", m.tNew()),
          m.hasInterval()
              ? String.format(Locale.ROOT, "+-%3.0f ms", 500 * (m.tNewHi() - m.tNewLo()))
              : "        ",
          m.confidence(),
          m.needsReview() ? "  REVIEW" : "");
    }
  }
}
