package dev.mtbsync.server.pages;

import java.util.List;

/**
 * The page model of {@code templates/compare/index.jte}: either a list of runs to pick from, or one
 * comparison (its data as {@code /api/compare} answers it, played by {@code web/compare.js}).
 *
 * @param shell the frame
 * @param picks the runs one may compare, when none is chosen; else empty
 * @param viewJson the chosen comparison as JSON, or null while picking
 * @param heading what is compared
 * @param runId the run compared, null for a compare-ui session
 * @param markerFiles the run's new_markers*.csv to choose from (empty for a session)
 * @param gap the run's time gap, as the dashboard's delta card states it (the core's one figure);
 *     null for a compare-ui session or while picking
 * @param startAt the moment of the new run to open at ({@code t=}, s), null for the start
 */
public record ComparePage(
    Shell shell,
    List<Pick> picks,
    String viewJson,
    String heading,
    String runId,
    List<Option> markerFiles,
    DashboardPage.DeltaCard gap,
    Double startAt) {

  /** A run one may compare. */
  public record Pick(
      String id, String when, String status, String tone, String video, String href) {}
}
