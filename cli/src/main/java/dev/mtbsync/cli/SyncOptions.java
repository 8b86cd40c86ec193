package dev.mtbsync.cli;

import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.match.MatchConfig;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Analysis and warp flags shared by sync, batch and demo (warp takes only {@link WarpOptions}). */
public final class SyncOptions {

  @Option(
      names = "--fps",
      defaultValue = "10",
      description =
          "Reference frames per second analysed with ORB; sets how finely pairs are placed"
              + " (default: ${DEFAULT-VALUE}).")
  double fps;

  @Option(
      names = "--new-fps",
      defaultValue = "6",
      description =
          "New-run frames per second analysed with ORB; sets how many pairs there are"
              + " (default: ${DEFAULT-VALUE}).")
  double newFps;

  @Option(
      names = "--threads",
      defaultValue = "0",
      description = "Cores to use, for decoding and matching; 0 uses every core (default).")
  int threads;

  /**
   * The new run's samples a second with {@code --fast}: half the reference's 5, so the coarse path
   * steps two reference samples per new one. At 2 a second the rates' ratio, 2.5, rounded to a step
   * of 3 and the path covered nothing on a 60 s 1080p60 pair (0 pairs, the sync refused).
   */
  static final double FAST_NEW_FPS = 2.5;

  @Option(
      names = "--fast",
      description =
          "Fewer keypoints and samples (5 and 2.5 a second, 640 px, 300 keypoints): less"
              + " matching work, less precise; decoding, most of the work on a camera's file, stays.")
  boolean fast;

  @Option(
      names = "--warp-markers",
      description =
          "Read the markers off the warp alone instead of placing each on the new run's own"
              + " frames: a short decode of both videos per marker saved, markers a frame or more"
              + " less exact where the cameras differ (implied by --fast).")
  boolean warpMarkers;

  @Option(
      names = "--clahe",
      description = "Equalise contrast (CLAHE) before ORB: deep shade, glare.")
  boolean clahe;

  @Mixin WarpOptions warpOptions;

  /**
   * The flag behind each parameter of a sync the engine names when it refuses a value ({@link
   * dev.mtbsync.runs.SyncRequest} checks them all before any decoding).
   */
  static final Map<String, String> FLAGS = flags();

  private static Map<String, String> flags() {
    Map<String, String> f = new HashMap<>(WarpOptions.WARP_FLAGS);
    f.put("reference fps", "--fps");
    f.put("new fps", "--new-fps");
    f.put("threads", "--threads");
    f.put("review threshold", "--review-threshold");
    return Map.copyOf(f);
  }

  OrbConfig refOrb() {
    return UsageException.flagged(
        Map.of("fps", "--fps"),
        () ->
            new OrbConfig(fast ? Math.min(fps, 5) : fps, fast ? 640 : 960, fast ? 300 : 500, clahe)
                .validate());
  }

  OrbConfig newOrb() {
    return UsageException.flagged(
        Map.of("fps", "--new-fps"),
        () ->
            new OrbConfig(
                    fast ? Math.min(newFps, FAST_NEW_FPS) : newFps,
                    fast ? 640 : 960,
                    fast ? 300 : 500,
                    clahe)
                .validate());
  }

  MatchConfig match() {
    int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    return UsageException.flagged(
        Map.of("threads", "--threads"),
        () -> new MatchConfig(1, 20, t).withPlacement(!(warpMarkers || fast)).validate());
  }

  WarpConfig warp() {
    return warpOptions.warp();
  }
}
