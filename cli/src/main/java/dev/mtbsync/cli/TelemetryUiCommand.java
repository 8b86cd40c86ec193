package dev.mtbsync.cli;

import dev.mtbsync.server.site.DashboardConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mtbsync telemetry-ui}: the dashboard, opened on its telemetry page. */
@Command(
    name = "telemetry-ui",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the telemetry of a batch root: charts of fps, CPU, GPU, VRAM and RSS per run.",
      "",
      "Pick metrics, limit to a time range or the last N runs, smooth, download what is shown"
          + " as CSV; new runs appear as they finish. The same server as dashboard. Port: --port,"
          + " else MTB_TELEMETRY_PORT, else 8761."
    },
    footer = {"", "Example:", "  mtbsync telemetry-ui --root batch_out"})
final class TelemetryUiCommand implements Callable<Integer> {

  static final String PORT_ENV = "MTB_TELEMETRY_PORT";
  static final int DEFAULT_PORT = 8761;

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ServeOptions serve;

  @Option(
      names = "--root",
      required = true,
      paramLabel = "DIR",
      description = "Batch root.",
      converter = PathKinds.InputFolder.class)
  Path root;

  @Override
  public Integer call() throws Exception {
    serve.serve(
        DashboardConfig.of(root).withLanding(DashboardConfig.Landing.TELEMETRY),
        PORT_ENV,
        DEFAULT_PORT,
        "telemetry",
        spec);
    return ExitCodes.OK;
  }
}
