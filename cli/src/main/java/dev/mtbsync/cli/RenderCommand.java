package dev.mtbsync.cli;

import dev.mtbsync.render.Audio;
import dev.mtbsync.render.ComparisonRenderer;
import dev.mtbsync.render.Follow;
import dev.mtbsync.render.Layout;
import dev.mtbsync.render.RenderConfig;
import dev.mtbsync.render.RenderInputs;
import dev.mtbsync.render.RenderResult;
import dev.mtbsync.synth.SynthConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtbsync render}: the riders' comparison video of a sync run. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Render both runs of a sync in one video, in step frame by frame.",
      "",
      "The followed run plays as filmed; the other is re-timed through the run's warp, so every"
          + " frame shows the same place in both. Where the warp does not cover, the other side"
          + " shows a \"no match here\" card. Burned in: each run's elapsed time, the gap"
          + " (+ and red: the new run is behind; - and green: ahead), the current sector, and"
          + " each gate's name and split for a few seconds as it passes. Writes an H.264 MP4"
          + " (yuv420p)."
    },
    footer = {
      "",
      "Examples:",
      "  mtbsync render runs/RUN",
      "  mtbsync render runs/RUN --layout stacked --out phone.mp4",
      "  mtbsync render runs/RUN --layout overlay --out ghost.mp4",
      "  mtbsync render runs/RUN --follow reference --from \"Gate 2\" --to \"Gate 4\""
    })
final class RenderCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(
      index = "0",
      paramLabel = "RUN_DIR",
      description = "A run folder written by sync.",
      converter = PathKinds.InputFolder.class)
  Path runDir;

  @Option(
      names = "--layout",
      defaultValue = "side-by-side",
      paramLabel = "LAYOUT",
      description =
          "side-by-side, stacked (a tall picture), pip, or overlay (the other run blended over the"
              + " followed one as a ghost, registered onto it) (default: ${DEFAULT-VALUE}).")
  String layout;

  @Option(
      names = "--follow",
      defaultValue = "new",
      paramLabel = "RUN",
      description =
          "The run that plays at its own pace: new or reference (default: ${DEFAULT-VALUE}).")
  String follow;

  @Option(
      names = "--out",
      paramLabel = "MP4",
      description = "The video to write (default: compare.mp4 in RUN_DIR).",
      converter = PathKinds.OutputFile.class)
  Path out;

  @Option(
      names = "--size",
      paramLabel = "WxH",
      description = "Output size in px (default: 1920x1080; 1080x1920 for stacked).")
  String size;

  @Option(names = "--from", paramLabel = "GATE", description = "Start at this marker.")
  String from;

  @Option(names = "--to", paramLabel = "GATE", description = "End at this marker.")
  String to;

  @Option(
      names = "--audio",
      defaultValue = "auto",
      paramLabel = "SOURCE",
      description =
          "Sound track: new (the new run's own sound; needs --follow new), none, or auto (default:"
              + " the new run's sound when it is followed and has any).")
  String audio;

  @Option(
      names = "--crf",
      defaultValue = "" + RenderConfig.DEFAULT_CRF,
      paramLabel = "N",
      description = "H.264 quality, 0 (lossless) to 51 (default: ${DEFAULT-VALUE}).")
  int crf;

  @Override
  public Integer call() throws Exception {
    Layout l = Layout.parse(layout);
    int[] wh =
        size == null
            ? new int[] {l.defaultWidth(), l.defaultHeight()}
            : SynthConfig.parseSize(size);
    RenderConfig config =
        new RenderConfig(l, Follow.parse(follow), wh[0], wh[1], from, to, crf, Audio.parse(audio))
            .validate();
    RenderInputs inputs = RenderInputs.read(runDir);
    Path target = out != null ? out : runDir.resolve("compare.mp4");
    RenderResult r;
    try (ConsoleProgress progress =
        ConsoleProgress.forTerminal(spec.commandLine().getErr(), common.quiet)) {
      r = ComparisonRenderer.render(inputs, config, target, progress);
    }
    PrintWriter o = spec.commandLine().getOut();
    o.println(r.file());
    if (!common.quiet) {
      o.println(
          String.format(
              Locale.ROOT,
              "%d frames, %dx%d at %.3g fps (%.1f s of video, %d frames without a match);"
                  + " rendered in %.1f s, %.2fx real time",
              r.frames(),
              r.width(),
              r.height(),
              r.fps(),
              r.videoSec(),
              r.frames() - r.matchedFrames(),
              r.wallSec(),
              r.speed()));
    }
    return ExitCodes.OK;
  }
}
