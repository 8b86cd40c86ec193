package dev.mtbsync.cli;

import dev.mtbsync.config.ConfigException;
import dev.mtbsync.export.ExportPreset;
import dev.mtbsync.export.ExportRequest;
import dev.mtbsync.export.ExportResult;
import dev.mtbsync.export.MarkerExport;
import dev.mtbsync.markers.MarkerTransfer;
import dev.mtbsync.quality.RegressionVerdict;
import dev.mtbsync.runs.NewRunProxy;
import dev.mtbsync.runs.SyncPipeline;
import dev.mtbsync.runs.SyncRequest;
import dev.mtbsync.runs.SyncResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mtbsync sync}: aligns a new run with the reference and carries markers over. */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Align a new run with the reference and carry the markers over.",
      "",
      "Find, for every moment of the new run, the matching moment of the reference (a"
          + " monotone time-warp), and carry the reference markers over. Writes a run folder"
          + " inside --root: run.json, pairs_raw.csv, pairs.csv, timewarp.json, perf.json,"
          + " delta.csv (time gained or lost along the trail) and, with --ref-markers,"
          + " new_markers.csv and splits.csv (and, with --export, files for editors). With"
          + " the riders' GPS (--ref-gps, --new-gps), the search for matching moments starts"
          + " where the tracks put the new run."
    },
    footer = {
      "",
      "Example:",
      "  mtbsync sync --reference ref.mp4 --new new.mp4 --ref-markers ref_markers.csv --root runs",
      "  mtbsync sync --reference ref.mp4 --new new.mp4 --ref-markers ref_markers.csv --root runs"
          + " --export fcpxml,resolve-edl",
      "  mtbsync sync --reference ref.mp4 --new new.mp4 --ref-markers ref_markers.csv --root runs"
          + " --ref-gpx ref.gpx --new-gps auto"
    })
final class SyncCommand implements Callable<Integer> {

  /** The transferred markers' file in a run folder. */
  private static final String NEW_MARKERS = "new_markers.csv";

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin SyncOptions options;
  @Mixin TrackingOptions tracking;
  @Mixin GpsOptions gps;
  @Mixin AnchorOptions anchors;

  @Option(
      names = "--reference",
      required = true,
      paramLabel = "VIDEO",
      description = "Reference run.",
      converter = PathKinds.InputFile.class)
  Path reference;

  @Option(
      names = "--new",
      required = true,
      paramLabel = "VIDEO",
      description = "New run.",
      converter = PathKinds.InputFile.class)
  Path newVideo;

  @Option(
      names = "--index",
      paramLabel = "FILE",
      description =
          "Reference index from 'mtbsync index' (refused if built from another video or with"
              + " other settings). Without it, sync keeps one per reference in OUT/.index-cache.",
      converter = PathKinds.InputFile.class)
  Path index;

  @Option(
      names = "--ref-markers",
      paramLabel = "CSV",
      description = "Reference markers (name,t_ref[,colour,comment]).",
      converter = PathKinds.InputFile.class)
  Path refMarkers;

  @Option(
      names = {"--root", "--out"},
      required = true,
      paramLabel = "DIR",
      description = "Batch root; the run gets its own folder in it.",
      converter = PathKinds.OutputFolder.class)
  Path out;

  @Option(
      names = "--review-threshold",
      defaultValue = "" + MarkerTransfer.DEFAULT_REVIEW_THRESHOLD,
      description =
          "Markers below this confidence are flagged for review (default: ${DEFAULT-VALUE}).")
  double reviewThreshold;

  @Option(
      names = "--proxy",
      paramLabel = "auto|off|FILE",
      defaultValue = "auto",
      description =
          "What the new run's analysis decodes: auto (default) takes the camera's low-resolution"
              + " copy of the same recording when one lies beside the video (GoPro's GL*.LRV, or"
              + " the video's name with .LRV or .LRF) and has its length and shape; off decodes the video"
              + " itself; or name the proxy file. Markers stay on the video's own frames.")
  String proxy;

  @Option(names = "--json", description = "Print the result as one JSON object (for scripts).")
  boolean json;

  @Option(
      names = "--export",
      split = ",",
      paramLabel = "PRESET",
      converter = ExportOptions.PresetConverter.class,
      description =
          "Also write the transferred markers for editors into the run folder, e.g."
              + " --export fcpxml,resolve-edl (presets: csv, resolve-edl, edl, fcpxml, premiere,"
              + " avid; placed on the new video's frames and start timecode).")
  List<ExportPreset> exports = List.of();

  @Override
  public Integer call() throws Exception {
    if (!exports.isEmpty() && refMarkers == null) {
      throw new UsageException("--export needs --ref-markers: there are no markers");
    }
    SyncRequest req;
    try { // the engine checks the whole configuration here, before any file is opened
      req =
          new SyncRequest(
              reference,
              newVideo,
              index,
              refMarkers,
              out,
              options.refOrb(),
              options.newOrb(),
              options.match(),
              options.warp(),
              reviewThreshold,
              gps.inputs(),
              anchors.pins(),
              NewRunProxy.parse(proxy));
    } catch (ConfigException e) {
      throw UsageException.flagged(SyncOptions.FLAGS, e);
    }
    SyncResult result;
    try (ConsoleProgress progress =
        ConsoleProgress.forTerminal(spec.commandLine().getErr(), common.quiet || json)) {
      result = SyncPipeline.run(req, progress, tracking.telemetry());
    }
    RegressionVerdict verdict = tracking.record(out, result, newVideo, spec.commandLine().getErr());
    List<ExportResult> exported = new ArrayList<>();
    List<String> exportProblems = new ArrayList<>();
    if (!exports.isEmpty()) {
      if (result.ok() && !result.markers().isEmpty()) {
        export(result.runDir().resolve(NEW_MARKERS), exported, exportProblems);
      } else {
        exportProblems.add("no export: the sync is not ok, so its markers are not placed");
      }
    }
    if (json) {
      Report.json(spec.commandLine().getOut(), result, exported);
      for (ExportResult e : exported) {
        e.problems().forEach(p -> spec.commandLine().getErr().println("mtbsync: warning: " + p));
      }
    } else {
      Report.sync(spec.commandLine().getOut(), result, common.quiet);
      GpsReport.sync(spec.commandLine().getOut(), result, common.quiet);
      if (verdict != null && !common.quiet) {
        QualityReport.line(spec.commandLine().getOut(), verdict);
      }
      for (ExportResult e : exported) {
        Report.export(spec.commandLine().getOut(), spec.commandLine().getErr(), e, true);
      }
    }
    for (String problem : exportProblems) {
      spec.commandLine().getErr().println("mtbsync: " + problem);
    }
    if (!result.ok()) {
      // one line: a cut-off video first, as the likely cause
      String cause = result.warnings().isEmpty() ? "" : String.join("; ", result.warnings()) + "; ";
      spec.commandLine()
          .getErr()
          .println("mtbsync: " + cause + "sync not ok: " + String.join("; ", result.problems()));
      return ExitCodes.ERROR;
    }
    result.warnings().forEach(w -> spec.commandLine().getErr().println("mtbsync: warning: " + w));
    if (tracking.failsGate(verdict)) {
      spec.commandLine()
          .getErr()
          .println("mtbsync: severe quality regression: " + String.join("; ", verdict.reasons()));
      return ExitCodes.QUALITY_FAIL;
    }
    return exportProblems.isEmpty() ? ExitCodes.OK : ExitCodes.ERROR;
  }

  /** Runs each export asked for; one that fails is reported and the others still run. */
  private void export(Path markers, List<ExportResult> done, List<String> problems) {
    for (ExportPreset preset : exports) {
      try {
        done.add(MarkerExport.run(ExportRequest.of(markers, preset).withVideo(newVideo)));
      } catch (IOException | ConfigException | IllegalArgumentException e) {
        problems.add("export " + preset + " failed: " + Main.describe(e));
      }
    }
  }
}
