package dev.mtbsync.cli;

import dev.mtbsync.markers.MarkerTransfer;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.runs.SyncPipeline;
import dev.mtbsync.runs.SyncRequest;
import dev.mtbsync.runs.SyncResult;
import dev.mtbsync.server.site.DashboardConfig;
import dev.mtbsync.stats.Stats;
import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthRenderer;
import dev.mtbsync.synth.SynthTruth;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mtbsync demo}: renders a sample pair, syncs it and scores the markers against truth. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Render a sample pair, sync it and score the markers against truth.",
      "",
      "Render a sample pair with known truth (as synth does), sync it, carry its markers over,"
          + " and show how far each transferred marker is from the truth; then serve the"
          + " dashboard on the runs it made until Ctrl-C (--no-serve to skip)."
    },
    footer = {"", "Example:", "  mtbsync demo --out mtbsync-demo"})
final class DemoCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin SyncOptions options;
  @Mixin ServeOptions serve;

  @Option(names = "--no-serve", description = "Do not serve the dashboard afterwards.")
  boolean noServe;

  @Option(
      names = "--out",
      defaultValue = "mtbsync-demo",
      paramLabel = "DIR",
      description = "Where the pair and the runs go (default: ${DEFAULT-VALUE}).",
      converter = PathKinds.OutputFolder.class)
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "N",
      description = "Sample pair seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--duration",
      defaultValue = "30",
      paramLabel = "SEC",
      description = "Reference length (default: ${DEFAULT-VALUE}).")
  double duration;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    Path pair = out.resolve("pair");
    SynthConfig config = new SynthConfig(seed, duration, 1280, 720, 30, 60).validate();
    SyncResult result;
    try (ConsoleProgress progress =
        ConsoleProgress.forTerminal(spec.commandLine().getErr(), common.quiet)) {
      SynthRenderer.render(config, pair, progress);
      o.printf("sample pair  %s (ref.mp4 30 fps, new.mp4 60 fps, truth.json)%n", pair);
      result =
          SyncPipeline.run(
              new SyncRequest(
                  pair.resolve(SynthRenderer.REF_VIDEO),
                  pair.resolve(SynthRenderer.NEW_VIDEO),
                  null,
                  pair.resolve(SynthRenderer.REF_MARKERS),
                  out.resolve("runs"),
                  options.refOrb(),
                  options.newOrb(),
                  options.match(),
                  options.warp(),
                  MarkerTransfer.DEFAULT_REVIEW_THRESHOLD),
              progress);
    }
    Report.sync(o, result, true);
    SynthTruth truth = SynthTruth.read(pair.resolve(SynthRenderer.TRUTH));
    double frame = 1 / truth.newRun().fps();
    o.printf(
        Locale.ROOT, "%-18s %9s %9s %9s %8s%n", "marker", "t_new", "truth", "error ms", "frames");
    double[] errors = new double[result.markers().size()];
    int n = 0;
    for (int i = 0; i < result.markers().size(); i++) {
      NewMarker m = result.markers().get(i);
      Double t = truth.markers().get(i).tNew();
      if (t == null || Double.isNaN(m.tNew())) {
        o.printf(
            Locale.ROOT,
            "%-18s %9s %9s %9s%n",
            m.name(),
            fmt(m.tNew()),
            t == null ? "--" : fmt(t),
            "n/a");
        continue;
      }
      double e = m.tNew() - t;
      errors[n++] = Math.abs(e);
      o.printf(
          Locale.ROOT,
          "%-18s %9.3f %9.3f %+9.1f %+8.2f%n",
          m.name(),
          m.tNew(),
          t,
          1000 * e,
          e / frame);
    }
    double[] abs = Arrays.copyOf(errors, n);
    if (n > 0) {
      double median = Stats.upperMedian(abs);
      o.printf(
          Locale.ROOT,
          "marker error median %.1f ms (%.2f frames), P90 %.1f ms, max %.1f ms over %d markers%n",
          1000 * median,
          median / frame,
          1000 * Stats.lowerPercentile(abs, 90),
          1000 * Stats.percentile(abs, 100),
          n);
    }
    if (!noServe) {
      o.flush();
      serve.serve(
          DashboardConfig.of(out.resolve("runs")),
          DashboardCommand.PORT_ENV,
          DashboardCommand.DEFAULT_PORT,
          "dashboard",
          spec);
    }
    return result.ok() ? ExitCodes.OK : ExitCodes.ERROR;
  }

  private static String fmt(double t) {
    return Double.isNaN(t) ? "--" : String.format(Locale.ROOT, "%.3f", t);
  }
}
