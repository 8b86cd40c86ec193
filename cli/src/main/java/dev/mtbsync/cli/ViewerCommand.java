package dev.mtbsync.cli;

import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.export.OverlayPlot;
import dev.mtbsync.markers.MarkerCsv;
import dev.mtbsync.markers.MarkerTransfer;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.runs.TimewarpFile;
import dev.mtbsync.synth.SynthConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mtbsync viewer --headless}: draws the overlay plot of a warp to a PNG. */
@Command(
    name = "viewer",
    mixinStandardHelpOptions = true,
    description = {
      "Draw a time-warp, its pairs and the markers to a PNG.",
      "",
      "Plot new-run time against reference time: the time pairs coloured by confidence, the"
          + " fitted warp, the identity diagonal, and each marker as a point on the warp with"
          + " ticks on both axes (red when it needs review). Only the headless form exists:"
          + " it writes the picture and exits."
    },
    footer = {
      "",
      "Example:",
      "  mtbsync viewer --headless --ref-markers ref_markers.csv --timewarp-json"
          + " runs/RUN/timewarp.json --out-png overlay.png"
    })
final class ViewerCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--headless", description = "Write the plot to --out-png (required).")
  boolean headless;

  @Option(
      names = "--timewarp-json",
      required = true,
      paramLabel = "JSON",
      description = "The fitted warp.",
      converter = PathKinds.InputFile.class)
  Path timewarp;

  @Option(
      names = "--ref-markers",
      paramLabel = "CSV",
      description = "Reference markers to carry over and show (name,t_ref[,colour,comment]).",
      converter = PathKinds.InputFile.class)
  Path refMarkers;

  @Option(
      names = "--pairs",
      paramLabel = "CSV",
      description = "Time pairs to show (default: pairs.csv beside the timewarp.json, if there).",
      converter = PathKinds.InputFile.class)
  Path pairs;

  @Option(
      names = "--out-png",
      paramLabel = "PNG",
      description = "The picture to write.",
      converter = PathKinds.OutputFile.class)
  Path outPng;

  @Option(
      names = "--size",
      defaultValue = OverlayPlot.DEFAULT_WIDTH + "x" + OverlayPlot.DEFAULT_HEIGHT,
      paramLabel = "WxH",
      description = "Picture size in px (default: ${DEFAULT-VALUE}).")
  String size;

  @Option(
      names = "--review-threshold",
      defaultValue = "" + MarkerTransfer.DEFAULT_REVIEW_THRESHOLD,
      description = "Markers below this confidence show red (default: ${DEFAULT-VALUE}).")
  double reviewThreshold;

  @Override
  public Integer call() throws Exception {
    if (!headless || outPng == null) {
      throw new ParameterException(
          spec.commandLine(), "only the headless viewer exists: give --headless --out-png FILE");
    }
    int[] wh = SynthConfig.parseSize(size);
    UsageException.flagged( // before any file is read
        Map.of("review threshold", "--review-threshold"),
        () -> MarkerTransfer.checkReviewThreshold(reviewThreshold));
    MonotoneWarp warp = TimewarpFile.read(timewarp);
    List<NewMarker> markers =
        refMarkers == null
            ? List.of()
            : MarkerTransfer.transfer(MarkerCsv.readReference(refMarkers), warp, reviewThreshold);
    OverlayPlot.write(
        outPng,
        warp,
        OverlayPlot.pairsFor(timewarp, pairs),
        markers,
        wh[0],
        wh[1],
        OverlayPlot.deltaFor(timewarp));
    spec.commandLine().getOut().println(outPng);
    return ExitCodes.OK;
  }
}
