package dev.mtbsync.cli;

import dev.mtbsync.server.site.DashboardConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mtbsync dashboard}: serves a batch root's runs, quality and live telemetry. */
@Command(
    name = "dashboard",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a batch root's runs, quality and live telemetry in the browser.",
      "",
      "Runs list, timewarp and markers of each run, regression status, the last batch, and"
          + " telemetry charts that update as syncs finish. Listens on 127.0.0.1 only unless"
          + " --host says otherwise; never opens a browser unless asked. Port: --port, else"
          + " MTB_DASHBOARD_PORT, else 8760."
    },
    footer = {"", "Example:", "  mtbsync dashboard --root batch_out --allow-write"})
final class DashboardCommand implements Callable<Integer> {

  static final String PORT_ENV = "MTB_DASHBOARD_PORT";
  static final int DEFAULT_PORT = 8760;

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
    serve.serve(DashboardConfig.of(root), PORT_ENV, DEFAULT_PORT, "dashboard", spec);
    return ExitCodes.OK;
  }
}
