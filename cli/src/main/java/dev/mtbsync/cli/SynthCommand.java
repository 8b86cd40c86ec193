package dev.mtbsync.cli;

import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthRenderer;
import dev.mtbsync.synth.SynthTruth;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mtbsync synth}: renders a sample pair of runs with known ground truth. */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = {
      "Render a sample pair of runs with known ground truth.",
      "",
      "Render a sample pair of first-person runs along one generated forest trail, with the"
          + " true time-warp between them. The new run differs from the reference the way a"
          + " real second run does: speed, start and end, frame rate, exposure, noise and camera"
          + " mount. Same seed, same truth.%n%n"
          + "The --new-* camera flags film the new run with another camera (focal length,"
          + " lens, picture shape, mount, line, stabilisation, stored rotation); they change the"
          + " pictures, never the truth.%n%n"
          + "Writes into --out: ref.mp4 and new.mp4 (H.264), ref_markers.csv, ref.gpx, new.gpx"
          + " and truth.json (the true reference time of every new frame, and of every marker)."
    },
    footer = {
      "",
      "Examples:",
      "  mtbsync synth --out sample --duration 30 --seed 7",
      "  mtbsync synth --out gopro --seed 7 --new-lens fisheye --new-aspect 4:3 --new-stabilise"
    })
final class SynthCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin NewCameraOptions newCamera;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Output folder.",
      converter = PathKinds.OutputFolder.class)
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "N",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--duration",
      defaultValue = "60",
      paramLabel = "SEC",
      description = "Length of the reference run in seconds (default: ${DEFAULT-VALUE}).")
  double duration;

  @Option(
      names = "--size",
      defaultValue = "1280x720",
      paramLabel = "WxH",
      description = "Frame size (default: ${DEFAULT-VALUE}).")
  String size;

  @Option(
      names = "--fps",
      defaultValue = "30",
      paramLabel = "FPS",
      description = "Reference frame rate (default: ${DEFAULT-VALUE}).")
  double fps;

  @Option(
      names = "--new-fps",
      defaultValue = "60",
      paramLabel = "FPS",
      description = "New-run frame rate (default: ${DEFAULT-VALUE}).")
  double newFps;

  @Override
  public Integer call() throws Exception {
    int[] wh = SynthConfig.parseSize(size);
    SynthConfig config =
        new SynthConfig(seed, duration, wh[0], wh[1], fps, newFps, newCamera.camera()).validate();
    PrintWriter o = spec.commandLine().getOut();
    long start = System.nanoTime();
    SynthRenderer.Result result;
    try (ConsoleProgress progress =
        ConsoleProgress.forTerminal(spec.commandLine().getErr(), common.quiet)) {
      result = SynthRenderer.render(config, out, progress);
    }
    SynthTruth t = result.truth();
    o.printf(Locale.ROOT, "rendered %s in %.1f s%n", out, (System.nanoTime() - start) / 1e9);
    if (!common.quiet) {
      o.printf(
          Locale.ROOT,
          "  ref.mp4  %d frames at %.3f fps (%.2f s)%n",
          t.ref().frames(),
          t.ref().fps(),
          t.ref().durationSec());
      o.printf(
          Locale.ROOT,
          "  new.mp4  %d frames at %.3f fps (%.2f s), %dx%d%n",
          t.newRun().frames(),
          t.newRun().fps(),
          t.newRun().durationSec(),
          t.newRun().width(),
          t.newRun().height());
      SynthTruth.Camera c = t.newCamera();
      o.printf(
          Locale.ROOT,
          "  camera   zoom %.3f, %s lens, %s, mount %.2f m %+.0f deg, line %+.2f m%s%s%n",
          c.zoom(),
          c.lens(),
          c.aspect(),
          c.mountHeightM(),
          c.mountPitchDeg(),
          c.lineOffsetM(),
          c.stabiliseCrop() == null ? "" : ", stabilised",
          c.rotateDeg() == 0 ? "" : ", stored rotated " + c.rotateDeg() + " deg");
      o.printf(
          Locale.ROOT,
          "  overlap  new %.2f s .. %.2f s%s%n",
          t.validTNew()[0],
          t.validTNew()[1],
          t.stop() == null
              ? ""
              : String.format(
                  Locale.ROOT,
                  ", rider stops at %.2f s for %.2f s",
                  t.stop().start(),
                  t.stop().end() - t.stop().start()));
      o.printf("  %d markers in ref_markers.csv; truth in truth.json%n", t.markers().size());
    }
    return ExitCodes.OK;
  }
}
