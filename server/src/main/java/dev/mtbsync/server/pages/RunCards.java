package dev.mtbsync.server.pages;

import dev.mtbsync.export.ExportPreset;
import dev.mtbsync.export.FrameRate;
import dev.mtbsync.export.MarkerTimecodes;
import dev.mtbsync.export.Timecode;
import dev.mtbsync.gps.RunRecap;
import dev.mtbsync.server.artefacts.GpsView;
import dev.mtbsync.server.artefacts.SplitsView;
import dev.mtbsync.server.artefacts.TimewarpView;
import dev.mtbsync.server.pages.DashboardPage.Download;
import dev.mtbsync.server.pages.DashboardPage.Field;
import dev.mtbsync.server.pages.DashboardPage.GpsCard;
import dev.mtbsync.server.pages.DashboardPage.GpsTrackLine;
import dev.mtbsync.server.site.DashboardContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts of a run's page a rider and an editor read besides the warp: the rider's line, the GPS
 * block, the marker timecodes and the editor downloads.
 */
final class RunCards {

  /** The editor formats a run's page offers, with their labels. */
  static final List<ExportPreset> DOWNLOADS =
      List.of(
          ExportPreset.RESOLVE_EDL,
          ExportPreset.EDL,
          ExportPreset.FCPXML,
          ExportPreset.PREMIERE,
          ExportPreset.AVID);

  private RunCards() {}

  /** The rider's line ({@link RunRecap}); empty for a run without a fitted warp. */
  static String recap(TimewarpView tw, SplitsView splits) {
    if (tw.warp() == null) {
      return "";
    }
    String line = RunRecap.of(splits.gates(), tw.warp()).line();
    return line.substring(0, 1).toUpperCase(Locale.ROOT) + line.substring(1);
  }

  /**
   * The timecodes of the run's markers at the new video's rate, when the video the sync read is
   * still there and runs at an editor's rate; else null (the page then assumes 29.97 fps, as the
   * exports do without a video).
   */
  static Timecode timecode(DashboardContext site, String runId) {
    Double fps = site.media().fps(site.root(), runId, "new", null);
    FrameRate rate = fps == null ? null : FrameRate.nearest(fps).orElse(null);
    return rate == null ? null : MarkerTimecodes.at(rate);
  }

  /** The timecodes the exports assume without a video. */
  static Timecode assumedTimecode() {
    return MarkerTimecodes.at(FrameRate.FPS_29_97);
  }

  /** What the timecode column counts in, for its heading's note. */
  static String timecodeNote(Timecode tc, boolean assumed) {
    return "HH:MM:SS:FF at "
        + tc.rate()
        + (tc.dropFrame() ? ", drop-frame" : "")
        + (assumed ? " (assumed: the new video is not at hand)" : "")
        + ", from the new video's first frame, as the exports place it";
  }

  /** The editor downloads of a marker file (a path under the root). */
  static List<Download> downloads(String markersFile) {
    List<Download> out = new ArrayList<>();
    for (ExportPreset p : DOWNLOADS) {
      String label =
          switch (p) {
            case RESOLVE_EDL -> "Resolve EDL";
            case EDL -> "CMX EDL";
            case FCPXML -> "FCPXML";
            case PREMIERE -> "FCP7 XML";
            case AVID -> "Avid markers";
            default -> p.cliName();
          };
      String title =
          switch (p) {
            case RESOLVE_EDL -> "CMX3600 with the marker lines DaVinci Resolve imports";
            case EDL -> "plain CMX3600, one-frame events with comments";
            case FCPXML -> "Final Cut Pro X (FCPXML 1.10)";
            case PREMIERE -> "Final Cut Pro 7 xmeml, which Premiere Pro imports";
            case AVID -> "Avid Media Composer marker text";
            default -> "";
          };
      out.add(
          new Download(
              label,
              "/api/markers/export?file="
                  + URLEncoder.encode(markersFile, StandardCharsets.UTF_8)
                  + "&preset="
                  + p.cliName(),
              title));
    }
    return out;
  }

  /** The GPS card, or null when the run's timewarp.json holds no GPS block. */
  static GpsCard gps(TimewarpView tw) {
    GpsView g = GpsView.of(tw);
    if (g == null) {
      return null;
    }
    List<GpsTrackLine> tracks = new ArrayList<>();
    addTrack(tracks, "Reference", g.reference());
    addTrack(tracks, "New run", g.newRun());
    List<Field> figures = new ArrayList<>();
    if (g.placeRmsM() != null) {
      figures.add(
          new Field(
              "New track off the reference's path",
              Fmt.num(g.placeRmsM(), 1) + " m RMS",
              g.placeRmsM() <= 10 ? "good" : "warn"));
    }
    if (g.sharedFrac() != null) {
      figures.add(new Field("Trail both tracks share", Fmt.pct(g.sharedFrac()), ""));
    }
    if (g.p90AbsSec() != null) {
      figures.add(
          new Field(
              "Pictures vs GPS, P90",
              Fmt.num(g.p90AbsSec(), 2) + " s",
              g.p90AbsSec() <= 1.0 ? "good" : "warn"));
      figures.add(new Field("Pictures vs GPS, median", Fmt.signed(g.medianSec(), 2) + " s", ""));
      figures.add(new Field("Pictures vs GPS, largest", Fmt.num(g.maxAbsSec(), 2) + " s", ""));
    }
    List<String> disagreements = new ArrayList<>();
    for (GpsView.Disagreement d : g.disagreements()) {
      disagreements.add(
          Fmt.num(d.fromSec(), 1)
              + "–"
              + Fmt.num(d.toSec(), 1)
              + " s of the new video: up to "
              + Fmt.signed(d.maxSec(), 2)
              + " s");
    }
    return new GpsCard(
        g.seeded() ? "the GPS seeded the search" : "the pictures alone found the warp",
        tracks,
        figures,
        disagreements,
        g.notes());
  }

  private static void addTrack(List<GpsTrackLine> into, String role, GpsView.Track t) {
    if (t == null) {
      return;
    }
    String name = t.file() == null ? Fmt.NONE : t.file().replaceAll(".*[/\\\\]", "");
    into.add(
        new GpsTrackLine(
            role,
            name,
            t.format() == null ? Fmt.NONE : t.format().toUpperCase(Locale.ROOT),
            (t.fixesUsed() == null ? Fmt.NONE : t.fixesUsed().toString())
                + " of "
                + (t.fixesRead() == null ? Fmt.NONE : t.fixesRead().toString()),
            t.lengthM() == null ? Fmt.NONE : lengthText(t.lengthM()),
            t.clock() == null ? "" : t.clock()));
  }

  private static String lengthText(double m) {
    return m >= 1000 ? Fmt.num(m / 1000, 2) + " km" : Fmt.num(m, 0) + " m";
  }
}
