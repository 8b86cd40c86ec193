package dev.mtbsync.cli;

import dev.mtbsync.server.compare.CompareInputs;
import dev.mtbsync.server.site.DashboardConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mtbsync compare-ui}: two videos side by side, kept in step through the warp. */
@Command(
    name = "compare-ui",
    mixinStandardHelpOptions = true,
    description = {
      "Play the reference and the new run side by side, kept in step through the warp.",
      "",
      "Scrubbing or playing either video moves the other; markers near the playhead, their"
          + " deltas (the new run's own marker times against the warp's prediction) and"
          + " annotations (saved beside timewarp.json with --allow-write). Give the files, or"
          + " --root to pick a run of a batch root. Port: --port, else MTB_COMPARE_PORT, else 8762."
    },
    footer = {
      "",
      "Examples:",
      "  mtbsync compare-ui --ref ref.mp4 --new new.mp4 --timewarp-json runs/RUN/timewarp.json \\",
      "      --ref-markers ref_markers.csv --new-markers runs/RUN/new_markers.csv",
      "  mtbsync compare-ui --root runs"
    })
final class CompareUiCommand implements Callable<Integer> {

  static final String PORT_ENV = "MTB_COMPARE_PORT";
  static final int DEFAULT_PORT = 8762;

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ServeOptions serve;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "Batch root: pick a run there.",
      converter = PathKinds.InputFolder.class)
  Path root;

  @Option(
      names = "--ref",
      paramLabel = "VIDEO",
      description = "The reference video.",
      converter = PathKinds.InputFile.class)
  Path ref;

  @Option(
      names = "--new",
      paramLabel = "VIDEO",
      description = "The new run's video.",
      converter = PathKinds.InputFile.class)
  Path neu;

  @Option(
      names = "--timewarp-json",
      paramLabel = "FILE",
      description = "The warp (a run's timewarp.json); annotations are saved beside it.",
      converter = PathKinds.InputFile.class)
  Path timewarp;

  @Option(
      names = "--ref-markers",
      paramLabel = "CSV",
      description = "Reference markers (name,t_ref,...), placed on the new run by the warp.",
      converter = PathKinds.InputFile.class)
  Path refMarkers;

  @Option(
      names = "--new-markers",
      paramLabel = "CSV",
      description = "Markers on the new run (name,t_new,...), compared with the warp's placement.",
      converter = PathKinds.InputFile.class)
  Path newMarkers;

  @Override
  public Integer call() throws Exception {
    boolean files = ref != null || neu != null || timewarp != null;
    if (files == (root != null)) {
      throw new UsageException(
          "give --ref, --new and --timewarp-json, or --root to pick a run (not both)");
    }
    DashboardConfig config;
    if (root != null) {
      config = DashboardConfig.of(root);
    } else {
      CompareInputs in = new CompareInputs(ref, neu, timewarp, refMarkers, newMarkers).validate();
      config = DashboardConfig.of(in.folder()).withCompare(in); // the run folder is the root
    }
    serve.serve(
        config.withLanding(DashboardConfig.Landing.COMPARE),
        PORT_ENV,
        DEFAULT_PORT,
        "compare",
        spec);
    return ExitCodes.OK;
  }
}
