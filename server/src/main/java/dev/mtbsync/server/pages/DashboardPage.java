package dev.mtbsync.server.pages;

import dev.mtbsync.server.html.DeltaPlot;
import dev.mtbsync.server.html.Sparkline;
import dev.mtbsync.server.html.WarpPlot;
import java.util.List;

/**
 * The page model of {@code templates/dashboard/index.jte}: the runs list, the selected run's
 * timewarp and markers, the regression verdict, the last batch and the telemetry, every value
 * already formatted. Tones are {@code good}, {@code warn}, {@code bad} or empty.
 *
 * @param shell the frame
 * @param kpis the headline figures
 * @param runs the newest runs
 * @param runsTotal runs under the root (more than {@code runs} when the list is capped)
 * @param run the selected run, or null when the root has none
 * @param regression the regression card
 * @param batch the batch summary card
 * @param perfJson the telemetry history as {@code /api/perf/history} answers it, for the charts
 */
public record DashboardPage(
    Shell shell,
    List<Kpi> kpis,
    List<RunRow> runs,
    int runsTotal,
    RunDetail run,
    RegressionCard regression,
    BatchCard batch,
    String perfJson) {

  /** A headline figure. */
  public record Kpi(String label, String value, String note, String tone) {}

  /**
   * A row of the runs list.
   *
   * @param runTime the new run's time from the first gate to the last ("42.31 s"), else a dash
   * @param gap the run's time gap ("+2.78 s"), else a dash
   * @param gapTone {@code bad} for time lost, {@code good} for time gained
   * @param best "best Berm -0.40 s", empty when no sector gained time
   * @param worst "worst Step-down +3.19 s", empty when no sector lost time
   */
  public record RunRow(
      String id,
      String when,
      String status,
      String tone,
      String runTime,
      String gap,
      String gapTone,
      String best,
      String worst,
      String p90,
      String ppm,
      String inlier,
      String video,
      boolean warned,
      boolean selected,
      String href) {}

  /** A label and value of the timewarp card. */
  public record Field(String label, String value, String tone) {}

  /** A file to download. */
  public record FileLink(String name, String href, String size) {}

  /**
   * The selected run.
   *
   * @param fields the warp's quality, as label/value pairs (none when the sync fitted no warp)
   * @param failure "sync failed: REASON", null when the run did not fail
   * @param reasons why the warp is not ok (when failure does not already say it)
   * @param plot pairs and warp, null when the sync fitted no warp
   * @param markerFiles the run's new_markers*.csv
   * @param markers the chosen marker file, or null when the run has none
   * @param recap the rider's one line about the run ({@code RunRecap}), empty when it has no warp
   * @param delta the delta time and splits
   * @param sectors this run's reference's runs sector by sector, null when fewer than two were
   *     timed
   * @param gps the GPS block of timewarp.json, null when the sync had no GPS
   * @param exports the chosen marker file as editor downloads (empty without markers)
   * @param files every file of the run folder
   * @param warnings artefacts that could not be read
   * @param compare the compare view of this run, or null when run.json names no videos or the sync
   *     fitted no warp
   */
  public record RunDetail(
      String id,
      String status,
      String tone,
      List<Field> fields,
      String failure,
      List<String> reasons,
      WarpPlot plot,
      List<Option> markerFiles,
      MarkersCard markers,
      String recap,
      DeltaCard delta,
      SectorsCard sectors,
      GpsCard gps,
      List<Download> exports,
      List<FileLink> files,
      List<String> warnings,
      String compare) {}

  /**
   * The delta time along the trail ({@code delta.csv}) and the split times ({@code splits.csv}).
   *
   * @param note what the run lacks, shown in place of the chart or table (empty when it has both)
   * @param plot the delta chart, or null without a delta.csv that could be read
   * @param total the run's time gap ({@code +1.23 s lost}, see {@code TimeGap}), empty without one
   * @param totalTone {@code bad} for time lost, {@code good} for time gained
   * @param span what the gap spans ("Drop 1 to Sector gate 1")
   * @param worst "Lost most in NAME: +3.19 s", empty when no sector lost time
   * @param byWhat what the chart runs along (distance or reference time)
   * @param splits the gates, in trail order (empty without splits.csv)
   */
  public record DeltaCard(
      String note,
      DeltaPlot plot,
      String total,
      String totalTone,
      String span,
      String worst,
      String byWhat,
      List<SplitLine> splits,
      List<String> warnings) {}

  /**
   * A gate of the splits table; tones are {@code good} (gained), {@code bad} (lost) or empty.
   *
   * @param distance metres from the first gate
   * @param worst this gate closes the sector that cost the most time
   */
  public record SplitLine(
      int gate,
      String name,
      String distance,
      String refSector,
      String newSector,
      String sectorDelta,
      String sectorTone,
      String delta,
      String deltaTone,
      boolean worst) {}

  /**
   * A marker file as a table.
   *
   * @param timecodes what the timecode column counts in ("at 29.97 fps, drop-frame, from the new
   *     video's first frame")
   */
  public record MarkersCard(
      String file, List<MarkerLine> rows, long toReview, String timecodes, List<String> warnings) {}

  /** An editor download of the run's markers. */
  public record Download(String label, String href, String title) {}

  /**
   * Runs of one reference, sector by sector ({@code SectorTable}).
   *
   * @param reference the reference video's name
   * @param sectors the sectors' labels ("Berm → Step-down"), in trail order
   * @param rows the reference, then each run
   * @param best the theoretical best: each sector's best time and their sum
   */
  public record SectorsCard(
      String reference, List<String> sectors, List<SectorRow> rows, SectorRow best) {}

  /**
   * A row of the sectors table.
   *
   * @param id the run's id (its path under the root), empty for the reference and the best
   * @param label the run's folder name (or "Reference")
   * @param sub what tells it apart (its new video's name, the run's date)
   * @param href its page, empty for the reference and the theoretical best
   * @param selected the run shown on this page
   * @param cells one per sector
   * @param total the sum of its sectors, a dash when it lacks one
   */
  public record SectorRow(
      String id,
      String label,
      String sub,
      String href,
      boolean selected,
      List<SectorCell> cells,
      String total) {}

  /** A sector time; {@code best}: the best of its column. */
  public record SectorCell(String value, boolean best) {}

  /**
   * The GPS a sync used ({@code gps} in timewarp.json).
   *
   * @param seeded "yes: the GPS seeded the search" or "no"
   * @param tracks one per run that had a track
   * @param figures how the tracks line up and how the pictures agree with the GPS
   * @param disagreements stretches where the pictures were kept against the GPS
   */
  public record GpsCard(
      String seeded,
      List<GpsTrackLine> tracks,
      List<Field> figures,
      List<String> disagreements,
      List<String> notes) {}

  /** A run's track: its file, format, fixes used of read, length and clock. */
  public record GpsTrackLine(
      String role, String file, String format, String fixes, String length, String clock) {}

  /**
   * A marker row.
   *
   * @param timecode t_new as HH:MM:SS:FF at the new video's rate, empty when not covered
   * @param interval "± 45 ms": half the width of t_new's 90 % interval, empty when the file has
   *     none
   * @param band confidence band: high, mid or low
   * @param confidencePct confidence in percent, for the bar
   */
  public record MarkerLine(
      String name,
      String tRef,
      String tNew,
      String timecode,
      String interval,
      String confidence,
      String band,
      int confidencePct,
      boolean review,
      String colour,
      String comment) {}

  /** The regression verdict. */
  public record RegressionCard(
      String status,
      String tone,
      String runId,
      List<RegressionRow> rows,
      List<String> reasons,
      String window,
      List<String> warnings) {}

  /** A metric of the verdict. */
  public record RegressionRow(
      String label, String current, String baseline, String delta, String tone) {}

  /**
   * The last batch.
   *
   * @param present batch_summary.csv exists
   * @param rows one per pair
   * @param stages a sparkline per stage's timing, over the rows
   */
  public record BatchCard(
      boolean present,
      List<BatchLine> rows,
      List<Sparkline> stages,
      String ok,
      List<String> warnings) {}

  /** A pair of the batch. */
  public record BatchLine(
      String video,
      String status,
      String tone,
      String runId,
      String p90,
      String total,
      String regression,
      String error,
      List<FileLink> files) {}
}
