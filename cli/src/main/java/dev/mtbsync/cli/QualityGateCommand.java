package dev.mtbsync.cli;

import dev.mtbsync.quality.GateConfig;
import dev.mtbsync.quality.GatePreset;
import dev.mtbsync.quality.GateResult;
import dev.mtbsync.quality.GateStatus;
import dev.mtbsync.quality.QualityGate;
import dev.mtbsync.quality.QualityGateFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mtbsync quality-gate}: quality-check for CI, with presets, a learning window and files.
 */
@Command(
    name = "quality-gate",
    mixinStandardHelpOptions = true,
    description = {
      "Gate a CI job on the newest run of a batch root.",
      "",
      "Judges the newest run of ROOT/quality_history.json against the runs before it, as"
          + " quality-check does, and writes quality_gate.json (for tools) and quality_gate.txt"
          + " (for a pull-request comment or a job summary). While the history holds fewer than"
          + " --learning-runs runs a fail is reported as WARN_LEARNING and exits 0."
    },
    footer = {
      "",
      "Presets (fail at twice the warn threshold):",
      "  strict      P90 +10% or 0.10 s, |ppm| +15% or 100, inliers -10% or 0.03",
      "  normal      P90 +25% or 0.25 s, |ppm| +25% or 150, inliers -15% or 0.05 (default)",
      "  permissive  the Python tool's development values, today the same as normal",
      "  custom      the --reg-* flags (chosen by itself when one is given without --preset)",
      "",
      "Exit codes: 0 PASS or WARN_LEARNING, 10 WARN, 20 FAIL, 2 NO_DATA (no history, or too"
          + " little for a baseline), 1 ERROR.",
      "",
      "Example:",
      "  mtbsync quality-gate --root batch_out --out reports --preset strict"
    })
final class QualityGateCommand implements Callable<Integer> {

  /** The flags a named preset sets itself; giving one asks for the custom preset. */
  private static final List<String> THRESHOLD_FLAGS =
      List.of(
          "--reg-p90-pct",
          "--reg-p90-abs",
          "--reg-ppm-pct",
          "--reg-ppm-abs",
          "--reg-inlier-pct",
          "--reg-inlier-abs");

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin RegressionThresholdOptions regression;

  @Option(
      names = "--root",
      required = true,
      paramLabel = "DIR",
      description = "Batch root.",
      converter = PathKinds.OutputFolder.class)
  Path root;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where quality_gate.json and .txt go (default: ROOT).",
      converter = PathKinds.OutputFolder.class)
  Path out;

  @Option(
      names = "--preset",
      paramLabel = "NAME",
      description = "strict, normal, permissive or custom (default: normal).")
  String preset;

  @Option(
      names = "--learning-runs",
      defaultValue = "" + GateConfig.DEFAULT_LEARNING_RUNS,
      paramLabel = "N",
      description =
          "Runs the history needs before a fail fails the job (default: ${DEFAULT-VALUE}).")
  int learningRuns;

  @Override
  public Integer call() throws Exception {
    GateResult r = QualityGate.evaluate(root, config());
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!common.quiet) {
      r.problems().forEach(p -> err.println("mtbsync: warning: " + p));
    }
    if (r.status() == GateStatus.ERROR || r.status() == GateStatus.NO_DATA) {
      err.println("mtbsync: " + r.message());
    }
    // a missing root is not made just to hold the report of its absence
    Path dir = out != null ? out : Files.isDirectory(root) ? root : null;
    List<Path> written = dir == null ? List.of() : QualityGateFiles.write(dir, r);
    if (common.quiet) {
      o.println(r.status().name());
    } else {
      o.print(QualityGateFiles.text(r));
      written.forEach(p -> o.println("wrote " + p));
    }
    return r.status().exitCode();
  }

  /** The preset named, or custom when a threshold flag is given without one. */
  private GateConfig config() {
    var parsed = spec.commandLine().getParseResult();
    String flag =
        THRESHOLD_FLAGS.stream().filter(parsed::hasMatchedOption).findFirst().orElse(null);
    GatePreset p =
        preset != null
            ? UsageException.flagged(Map.of("preset", "--preset"), () -> GatePreset.parse(preset))
            : flag != null ? GatePreset.CUSTOM : GatePreset.NORMAL;
    if (p != GatePreset.CUSTOM && flag != null) {
      throw new UsageException(
          flag + " needs --preset custom (" + p.label() + " sets its own thresholds)");
    }
    var thresholds =
        p == GatePreset.CUSTOM ? regression.thresholds() : p.thresholds(regression.window);
    return UsageException.flagged(
        Map.of("learning runs", "--learning-runs"),
        () -> new GateConfig(p, thresholds, learningRuns).validate());
  }
}
