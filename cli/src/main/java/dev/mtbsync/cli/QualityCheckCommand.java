package dev.mtbsync.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mtbsync.io.Json;
import dev.mtbsync.quality.QualityHistories;
import dev.mtbsync.quality.QualityHistory;
import dev.mtbsync.quality.QualityRecord;
import dev.mtbsync.quality.RegressionFile;
import dev.mtbsync.quality.RegressionGate;
import dev.mtbsync.quality.RegressionVerdict;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mtbsync quality-check}: the newest run of a root against its baseline. */
@Command(
    name = "quality-check",
    mixinStandardHelpOptions = true,
    description = {
      "Judge the newest run of a batch root against the runs before it.",
      "",
      "Reads ROOT/quality_history.json (written by sync and batch), takes the median of the last"
          + " --reg-window runs before the newest as the baseline, and compares P90, |ppm| and"
          + " inlier fraction with it. Reads only; regression.json is left as sync wrote it.",
      "",
      "Runs synced into sub-folders (sync --out ROOT/pairA) keep their history there: the"
          + " histories of every folder holding runs are found at any depth, and the newest run"
          + " is judged against the runs of its own history."
    },
    footer = {
      "",
      "Exit codes: 0 ok or learning (fewer than 10 runs), 10 warn, 20 fail, 2 no history,"
          + " 1 error.",
      "",
      "Example:",
      "  mtbsync quality-check --root runs --fail-on-regression --reg-p90-pct 0.10"
    })
final class QualityCheckCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin RegressionThresholdOptions regression;

  @Option(
      names = "--root",
      required = true,
      paramLabel = "DIR",
      description = "Batch root.",
      converter = PathKinds.InputFolder.class)
  Path root;

  @Option(
      names = "--fail-on-regression",
      description =
          "For scripts ported from the Python tool: a fail always exits 20, with or without it.")
  boolean failOnRegression;

  @Option(
      names = "--json",
      description = "Print the verdict as one JSON object (regression.json's fields).")
  boolean json;

  @Override
  public Integer call() throws Exception {
    var thresholds = regression.thresholds();
    if (!Files.isDirectory(root)) {
      throw new NoSuchFileException(root.toString());
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    QualityHistories.Found found = QualityHistories.newest(root);
    QualityHistory.Loaded history =
        found == null ? new QualityHistory.Loaded(List.of(), List.of(), false) : found.loaded();
    if (history.unreadable()) {
      err.println("mtbsync: " + history.problems().get(0));
      return ExitCodes.ERROR;
    }
    if (!common.quiet) {
      history.problems().forEach(p -> err.println("mtbsync: warning: " + p));
    }
    List<QualityRecord> records = history.records();
    if (records.isEmpty()) {
      err.println("mtbsync: no quality history in " + root + " (sync or batch into it first)");
      return ExitCodes.USAGE;
    }
    QualityRecord current = records.get(records.size() - 1);
    RegressionVerdict v =
        RegressionGate.evaluate(current, records.subList(0, records.size() - 1), thresholds);
    if (json) {
      out.println(
          Json.MAPPER
              .copy()
              .disable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(RegressionFile.toMap(v)));
    } else if (common.quiet) {
      out.println(v.status().label());
    } else {
      QualityReport.table(out, v);
      if (!found.prefix().isEmpty()) {
        out.println("History: " + found.prefix() + QualityHistory.FILE);
      }
    }
    return switch (v.status()) {
      case OK, LEARNING -> ExitCodes.OK;
      case WARN -> ExitCodes.QUALITY_WARN;
      case FAIL -> ExitCodes.QUALITY_FAIL;
    };
  }
}
