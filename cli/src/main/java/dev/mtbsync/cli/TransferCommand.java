package dev.mtbsync.cli;

import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.export.OverlayPlot;
import dev.mtbsync.markers.MarkerCsv;
import dev.mtbsync.markers.MarkerTransfer;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.runs.TimewarpFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mtbsync transfer-markers}: carries reference markers over through a fitted warp. */
@Command(
    name = "transfer-markers",
    aliases = "transfer",
    mixinStandardHelpOptions = true,
    description = {
      "Carry reference markers over through a timewarp.json.",
      "",
      "Carry reference markers over to the new run through a timewarp.json. Markers the new"
          + " run does not cover, or where the warp is unsure, are flagged needs_review, never"
          + " extrapolated."
    },
    footer = {
      "",
      "Example:",
      "  mtbsync transfer-markers --ref-markers ref_markers.csv --timewarp-json"
          + " runs/RUN/timewarp.json --out new_markers.csv --plot-overlay overlay.png"
    })
final class TransferCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--ref-markers",
      required = true,
      paramLabel = "CSV",
      description = "name,t_ref[,colour,comment]",
      converter = PathKinds.InputFile.class)
  Path refMarkers;

  @Option(
      names = "--timewarp-json",
      required = true,
      paramLabel = "JSON",
      description = "The fitted warp.",
      converter = PathKinds.InputFile.class)
  Path timewarp;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "CSV",
      description = "new_markers.csv to write.",
      converter = PathKinds.OutputFile.class)
  Path out;

  @Option(
      names = "--review-threshold",
      defaultValue = "" + MarkerTransfer.DEFAULT_REVIEW_THRESHOLD,
      description = "Markers below this confidence are flagged (default: ${DEFAULT-VALUE}).")
  double reviewThreshold;

  @Option(
      names = "--plot-overlay",
      paramLabel = "PNG",
      description =
          "Also draw the warp, its pairs (pairs.csv beside the timewarp.json) and the markers to"
              + " this PNG, as 'viewer --headless' does.",
      converter = PathKinds.OutputFile.class)
  Path plotOverlay;

  @Override
  public Integer call() throws Exception {
    UsageException.flagged( // before any file is read
        Map.of("review threshold", "--review-threshold"),
        () -> MarkerTransfer.checkReviewThreshold(reviewThreshold));
    MonotoneWarp warp = TimewarpFile.read(timewarp);
    List<NewMarker> markers =
        MarkerTransfer.transfer(MarkerCsv.readReference(refMarkers), warp, reviewThreshold);
    MarkerCsv.writeNew(markers, out);
    spec.commandLine().getOut().println(out);
    if (plotOverlay != null) {
      OverlayPlot.write(
          plotOverlay,
          warp,
          OverlayPlot.pairsFor(timewarp, null),
          markers,
          OverlayPlot.DEFAULT_WIDTH,
          OverlayPlot.DEFAULT_HEIGHT,
          OverlayPlot.deltaFor(timewarp));
      spec.commandLine().getOut().println(plotOverlay);
    }
    if (!common.quiet) {
      Report.markers(spec.commandLine().getOut(), markers);
    }
    return ExitCodes.OK;
  }
}
