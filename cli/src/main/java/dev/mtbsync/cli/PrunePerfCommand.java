package dev.mtbsync.cli;

import dev.mtbsync.config.ConfigException;
import dev.mtbsync.runs.PerfPruner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mtbsync prune-perf}: keeps the newest N perf.json files of a root. */
@Command(
    name = "prune-perf",
    mixinStandardHelpOptions = true,
    description = {
      "Keep the newest N perf.json files under a batch root; delete the rest.",
      "",
      "Only files named perf.json are removed (newest by modification time are kept); run"
          + " folders and their other artefacts stay. Symbolic links are neither followed nor"
          + " removed, and hidden folders are not entered, so nothing outside ROOT is touched."
    },
    footer = {"", "Example:", "  mtbsync prune-perf --root runs --keep 200 --dry-run"})
final class PrunePerfCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--root",
      required = true,
      paramLabel = "DIR",
      description = "Batch root.",
      converter = PathKinds.InputFolder.class)
  Path root;

  @Option(
      names = "--keep",
      required = true,
      paramLabel = "N",
      description = "perf.json files to keep.")
  int keep;

  @Option(names = "--dry-run", description = "List what would be removed; remove nothing.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    PerfPruner.Result r;
    try {
      r = PerfPruner.prune(root, keep, dryRun);
    } catch (ConfigException e) {
      throw UsageException.flagged(Map.of("keep", "--keep"), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (!common.quiet) {
      for (Path p : r.removed()) {
        out.println((dryRun ? "would remove " : "removed ") + root.resolve(p));
      }
    }
    out.printf(
        Locale.ROOT,
        "%s %d of %d perf.json files, kept %d%n",
        dryRun ? "would remove" : "removed",
        r.removed().size(),
        r.found(),
        r.kept().size());
    for (String problem : r.problems()) {
      spec.commandLine().getErr().println("mtbsync: could not remove " + problem);
    }
    return r.problems().isEmpty() ? ExitCodes.OK : ExitCodes.ERROR;
  }
}
