package dev.mtbsync.cli;

import dev.mtbsync.markers.MarkerTransfer;
import dev.mtbsync.runs.SyncPipeline;
import dev.mtbsync.runs.SyncRequest;
import dev.mtbsync.runs.SyncResult;
import java.nio.file.Path;
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
          + " inside --out: run.json, pairs_raw.csv, pairs.csv, timewarp.json, perf.json and,"
          + " with --ref-markers, new_markers.csv."
    },
    footer = {
      "",
      "Example:",
      "  mtbsync sync --reference ref.mp4 --new new.mp4 --ref-markers ref_markers.csv --out runs"
    })
final class SyncCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin SyncOptions options;

  @Option(
      names = "--reference",
      required = true,
      paramLabel = "VIDEO",
      description = "Reference run.")
  Path reference;

  @Option(names = "--new", required = true, paramLabel = "VIDEO", description = "New run.")
  Path newVideo;

  @Option(
      names = "--index",
      paramLabel = "FILE",
      description =
          "Reference index from 'mtbsync index' (refused if built from another video or with"
              + " other settings). Without it, sync keeps one per reference in OUT/.index-cache.")
  Path index;

  @Option(
      names = "--ref-markers",
      paramLabel = "CSV",
      description = "Reference markers (name,t_ref[,colour,comment]).")
  Path refMarkers;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Batch root; the run gets its own folder in it.")
  Path out;

  @Option(
      names = "--review-threshold",
      defaultValue = "" + MarkerTransfer.DEFAULT_REVIEW_THRESHOLD,
      description =
          "Markers below this confidence are flagged for review (default: ${DEFAULT-VALUE}).")
  double reviewThreshold;

  @Option(names = "--json", description = "Print the result as one JSON object (for scripts).")
  boolean json;

  @Override
  public Integer call() throws Exception {
    SyncRequest req =
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
            reviewThreshold);
    SyncResult result;
    try (ConsoleProgress progress =
        ConsoleProgress.forTerminal(spec.commandLine().getErr(), common.quiet || json)) {
      result = SyncPipeline.run(req, progress);
    }
    if (json) {
      Report.json(spec.commandLine().getOut(), result);
    } else {
      Report.sync(spec.commandLine().getOut(), result, common.quiet);
    }
    if (!result.ok()) {
      spec.commandLine()
          .getErr()
          .println("mtbsync: sync not ok: " + String.join("; ", result.problems()));
      return ExitCodes.ERROR;
    }
    return ExitCodes.OK;
  }
}
