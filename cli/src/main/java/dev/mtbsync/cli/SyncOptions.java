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

  @Option(
      names = "--fast",
      description = "Fewer keypoints and samples: about twice as fast, less precise.")
  boolean fast;

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
                    fast ? Math.min(newFps, 2) : newFps, fast ? 640 : 960, fast ? 300 : 500, clahe)
                .validate());
  }

  MatchConfig match() {
    int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    return UsageException.flagged(
        Map.of("threads", "--threads"), () -> new MatchConfig(1, 20, t).validate());
  }

  WarpConfig warp() {
    return warpOptions.warp();
  }
}
