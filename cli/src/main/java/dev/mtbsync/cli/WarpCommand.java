package dev.mtbsync.cli;

import dev.mtbsync.align.Anchors;
import dev.mtbsync.align.WarpFitter;
import dev.mtbsync.match.TimePair;
import dev.mtbsync.runs.PairsCsv;
import dev.mtbsync.runs.TimewarpFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mtbsync warp}: refits a time-warp from a pairs file. */
@Command(
    name = "warp",
    mixinStandardHelpOptions = true,
    description = {
      "Refit a time-warp from a pairs file.",
      "",
      "Fit the monotone time-warp to a pairs file (pairs.csv or pairs_raw.csv of a run) and"
          + " write timewarp.json: try other warp settings without syncing again, or pin"
          + " moments the pictures got wrong with --anchors."
    },
    footer = {
      "",
      "Examples:",
      "  mtbsync warp --pairs runs/RUN/pairs_raw.csv --out timewarp.json",
      "  mtbsync warp --pairs runs/RUN/pairs.csv --anchors runs/RUN/anchors.csv --out timewarp.json"
    })
final class WarpCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin WarpOptions options;
  @Mixin AnchorOptions anchors;

  @Option(
      names = "--video-fps",
      defaultValue = "30",
      description =
          "Frame rate of the new video the pins were placed on: a pin is exact to half a frame"
              + " (default: ${DEFAULT-VALUE}).")
  double videoFps;

  @Option(
      names = "--pairs",
      required = true,
      paramLabel = "CSV",
      description = "t_new,t_ref[,confidence|score,...]",
      converter = PathKinds.InputFile.class)
  Path pairs;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "JSON",
      description = "timewarp.json to write.",
      converter = PathKinds.OutputFile.class)
  Path out;

  @Option(
      names = "--min-inliers",
      defaultValue = "20",
      description =
          "Rows of pairs_raw.csv with fewer RANSAC inliers are skipped (default: ${DEFAULT-VALUE}).")
  int minInliers;

  @Override
  public Integer call() throws Exception {
    List<TimePair> rows = PairsCsv.read(pairs);
    List<TimePair> usable =
        rows.stream().filter(p -> p.inliers() == 0 || p.inliers() >= minInliers).toList();
    if (!(videoFps >= 1 && videoFps <= 1000)) {
      throw new UsageException("--video-fps must be 1 to 1000, got " + videoFps);
    }
    Anchors pins = Anchors.of(anchors.pins(), 1 / videoFps);
    WarpFitter.Fit fit = WarpFitter.fit(usable, pins, options.warp());
    TimewarpFile.write(out, fit.warp(), fit.quality(), options.warp(), List.of());
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        Locale.ROOT,
        "%s  %s: %d of %d pairs inliers%s, residual p90 %.3f s, covers new %.2f..%.2f s%n",
        out,
        fit.quality().ok() ? "ok" : "NOT OK (" + String.join("; ", fit.quality().reasons()) + ")",
        fit.quality().inliers(),
        fit.quality().pairs(),
        pins.isEmpty() ? "" : ", through " + pins.size() + " pins",
        fit.quality().p90(),
        fit.warp().validFrom(),
        fit.warp().validTo());
    return fit.quality().ok() ? ExitCodes.OK : ExitCodes.ERROR;
  }
}
