package dev.mtbsync.cli;

import dev.mtbsync.align.WarpConfig;
import java.util.Map;
import picocli.CommandLine.Option;

/** The time-warp's fitting and gate flags: of sync, batch and demo, and all that warp takes. */
public final class WarpOptions {

  @Option(
      names = "--warp-window-sec",
      defaultValue = "2.0",
      description =
          "Width (s) of the window each pair's place on the warp is smoothed over (default:"
              + " ${DEFAULT-VALUE}).")
  double warpWindowSec;

  @Option(
      names = "--warp-inlier-thresh",
      defaultValue = "0.3",
      description =
          "Pairs further than this (s) from the local trend are outliers (default: ${DEFAULT-VALUE}).")
  double warpInlierThresh;

  @Option(
      names = "--warp-min-inlier-frac",
      defaultValue = "0.25",
      description = "Gate: share of pairs that must support the warp (default: ${DEFAULT-VALUE}).")
  double warpMinInlierFrac;

  @Option(
      names = "--warp-ransac-iters",
      defaultValue = "500",
      description =
          "RANSAC iterations of the affine fit behind params.a/b (default: ${DEFAULT-VALUE}).")
  int warpRansacIters;

  @Option(
      names = "--warp-max-ppm",
      description = "Gate on the average speed ratio |a-1| in ppm (default: none; riders vary).")
  Double warpMaxPpm;

  @Option(
      names = "--warp-max-p90",
      defaultValue = "1.0",
      description = "Gate: largest acceptable P90 residual in seconds (default: ${DEFAULT-VALUE}).")
  double warpMaxP90;

  /** The flag behind each parameter the engine's configs name in their messages. */
  static final Map<String, String> WARP_FLAGS =
      Map.of(
          "warp window", "--warp-window-sec",
          "warp inlier threshold", "--warp-inlier-thresh",
          "warp min inlier fraction", "--warp-min-inlier-frac",
          "RANSAC iterations", "--warp-ransac-iters",
          "warp max ppm", "--warp-max-ppm",
          "max P90", "--warp-max-p90");

  WarpConfig warp() {
    return UsageException.flagged(
        WARP_FLAGS,
        () ->
            new WarpConfig(
                    warpWindowSec,
                    warpInlierThresh,
                    warpMinInlierFrac,
                    warpRansacIters,
                    warpMaxPpm,
                    warpMaxP90)
                .validate());
  }
}
