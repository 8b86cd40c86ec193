package dev.mtbsync.server.compare;

import dev.mtbsync.artefacts.RunJson;
import dev.mtbsync.server.artefacts.Problems;
import dev.mtbsync.server.artefacts.RunSummaries;
import dev.mtbsync.server.files.RootPath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files one comparison is made of: a run folder of the root (its run.json names the videos), or
 * the files of a {@code compare-ui} session.
 *
 * @param runId the run, or null for the session
 * @param refVideo the reference video, null when unknown
 * @param newVideo the new run's video, null when unknown
 * @param timewarp the warp
 * @param refMarkers reference markers, or null
 * @param newMarkers markers on the new run, or null
 * @param annotations where annotations are kept
 * @param anchors the run's anchors.csv (its pins), null for the session (no run folder to refit)
 * @param warnings what could not be found
 */
public record CompareSource(
    String runId,
    Path refVideo,
    Path newVideo,
    Path timewarp,
    Path refMarkers,
    Path newMarkers,
    Path annotations,
    Path anchors,
    List<String> warnings) {

  public static final String ANNOTATIONS = "annotations.json";

  public static CompareSource ofSession(CompareInputs in) {
    return new CompareSource(
        null,
        in.refVideo(),
        in.newVideo(),
        in.timewarp(),
        in.refMarkers(),
        in.newMarkers(),
        in.folder().resolve(ANNOTATIONS),
        null,
        List.of());
  }

  /**
   * A run's files, each through the root's checked path: a fixed name planted as a link out of the
   * root refuses the whole comparison (403), since the page would show or save that file.
   *
   * @param markersFile one of the run's new_markers*.csv (a path under the root), or null for
   *     {@code new_markers.csv}
   */
  public static CompareSource ofRun(RootPath root, String runId, String markersFile)
      throws IOException {
    Path dir = root.runDir(runId);
    List<String> warnings = new ArrayList<>();
    Path ref = null;
    Path neu = null;
    Path runJson = root.inRoot(dir.resolve(RunSummaries.RUN));
    Path timewarp = root.inRoot(dir.resolve(RunSummaries.TIMEWARP));
    Path annotations = root.inRoot(dir.resolve(ANNOTATIONS));
    Path anchors = root.inRoot(dir.resolve(dev.mtbsync.runs.AnchorsCsv.FILE));
    try {
      RunJson.Inputs inputs = RunJson.read(runJson).inputs();
      ref = inputs.reference() == null ? null : inputs.reference().file();
      neu = inputs.neu() == null ? null : inputs.neu().file();
    } catch (IOException e) {
      warnings.add(root.relative(runJson) + ": " + Problems.oneLine(e, runJson));
    }
    Path markers;
    if (markersFile != null && !markersFile.isBlank()) {
      markers = root.runFile(markersFile, dir);
    } else {
      markers = root.artefact(dir.resolve("new_markers.csv")).orElse(null);
    }
    return new CompareSource(
        runId, ref, neu, timewarp, null, markers, annotations, anchors, List.copyOf(warnings));
  }
}
