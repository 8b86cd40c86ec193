package dev.mtbsync.cli;

import dev.mtbsync.engine.BatchEngine;
import dev.mtbsync.markers.MarkerTransfer;
import dev.mtbsync.quality.QualityRecord;
import dev.mtbsync.quality.RegressionVerdict;
import dev.mtbsync.runs.BatchRow;
import dev.mtbsync.runs.BatchRunner;
import dev.mtbsync.runs.BatchSummaryCsv;
import dev.mtbsync.runs.SyncResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtbsync batch}: syncs every video of a folder against one reference. */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description = {
      "Sync every video of a folder against one reference.",
      "",
      "Analyses the reference once, then syncs each video of INPUT_DIR (mp4, mov, m4v, mkv,"
          + " avi, mts, m2ts, webm; not sub-folders) into a run folder of its own in --root,"
          + " and keeps ROOT/batch_summary.csv up to date after every pair. A broken video is"
          + " recorded as failed and the batch goes on; Ctrl-C keeps the finished runs and marks"
          + " the rest interrupted. Each successful sync is added to the quality history."
    },
    footer = {
      "",
      "Exit codes: 0 every pair synced ok, 1 a pair failed or its warp missed its gates,"
          + " 20 a severe regression with --fail-on-regression, 2 no videos.",
      "",
      "Examples:",
      "  mtbsync batch runs_to_sync --reference ref.mp4 --ref-markers ref_markers.csv"
          + " --root batch_out --jobs 2",
      "  java -jar mtbsync-spark.jar batch runs_to_sync --reference ref.mp4 --root batch_out"
          + " --engine spark --master spark://head:7077"
    })
final class BatchCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin SyncOptions options;
  @Mixin TrackingOptions tracking;

  @Parameters(
      index = "0",
      paramLabel = "INPUT_DIR",
      description = "Folder of new runs.",
      converter = PathKinds.InputFolder.class)
  Path inputDir;

  @Option(
      names = "--reference",
      required = true,
      paramLabel = "VIDEO",
      description = "Reference run (skipped if it lies in INPUT_DIR).",
      converter = PathKinds.InputFile.class)
  Path reference;

  @Option(
      names = {"--root", "--out-dir"},
      required = true,
      paramLabel = "DIR",
      description = "Batch root: one run folder per video, batch_summary.csv.",
      converter = PathKinds.OutputFolder.class)
  Path outDir;

  @Option(
      names = "--ref-markers",
      paramLabel = "CSV",
      description = "Reference markers (name,t_ref[,colour,comment]) to carry to every run.",
      converter = PathKinds.InputFile.class)
  Path refMarkers;

  @Option(
      names = "--jobs",
      defaultValue = "1",
      paramLabel = "N",
      description = "Pairs synced at once; they share --threads (default: ${DEFAULT-VALUE}).")
  int jobs;

  @Option(
      names = "--engine",
      defaultValue = "plain",
      paramLabel = "NAME",
      description =
          "plain (this machine, --jobs at once) or spark (Apache Spark; needs mtbsync-spark.jar)"
              + " (default: ${DEFAULT-VALUE}).")
  String engine;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "With --engine spark: local[N], spark://HOST:PORT, k8s://..., yarn"
              + " (default: local[*], or spark-submit's).")
  String master;

  @Option(
      names = "--review-threshold",
      defaultValue = "" + MarkerTransfer.DEFAULT_REVIEW_THRESHOLD,
      description =
          "Markers below this confidence are flagged for review (default: ${DEFAULT-VALUE}).")
  double reviewThreshold;

  /** The flag behind each parameter of a batch the engine names when it refuses a value. */
  private static final Map<String, String> BATCH_FLAGS = batchFlags();

  private static Map<String, String> batchFlags() {
    Map<String, String> f = new HashMap<>(SyncOptions.FLAGS);
    f.put("jobs", "--jobs");
    return Map.copyOf(f);
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BatchEngine distributed = null;
    if (!engine.equals("plain")) {
      distributed = BatchEngine.find(engine).orElse(null);
      if (distributed == null) {
        err.println(
            "mtbsync: --engine "
                + engine
                + " is not in this jar: run the same command with"
                + " scripts/mtbsync-spark or java -jar spark/target/mtbsync-spark.jar"
                + " (README: batch on Spark)");
        return ExitCodes.USAGE;
      }
    } else if (master != null) {
      err.println("mtbsync: --master needs --engine spark");
      return ExitCodes.USAGE;
    }
    AtomicBoolean regressed = new AtomicBoolean();
    BatchRunner.Config config =
        new BatchRunner.Config(
            inputDir,
            reference,
            refMarkers,
            outDir,
            options.refOrb(),
            options.newOrb(),
            options.match(),
            options.warp(),
            reviewThreshold,
            jobs,
            tracking.telemetry());
    UsageException.flagged(BATCH_FLAGS, config::validate); // before any decoding
    List<BatchRow> rows;
    if (distributed != null) {
      BatchEngine.Listener heard =
          new BatchEngine.Listener() {
            @Override
            public String synced(Path video, QualityRecord record) {
              return judged(tracking.record(outDir, record, err), regressed);
            }

            @Override
            public void finished(BatchRow row, int done, int total) {
              print(out, row, done, total);
            }
          };
      try (ConsoleProgress progress = ConsoleProgress.forTerminal(err, common.quiet)) {
        rows = distributed.run(config, master, heard, progress);
      }
      return finish(rows, out, err, regressed.get());
    }
    BatchRunner.Listener listener =
        new BatchRunner.Listener() {
          @Override
          public String synced(Path video, SyncResult result) {
            result.warnings().forEach(w -> err.println("mtbsync: warning: " + w));
            return judged(tracking.record(outDir, result, video, err), regressed);
          }

          @Override
          public void finished(BatchRow row, int done, int total) {
            print(out, row, done, total);
          }
        };
    BatchRunner runner = new BatchRunner(config, listener);
    Thread onCtrlC =
        new Thread(
            () -> {
              runner.abort();
              err.println(
                  "mtbsync: batch interrupted; finished runs kept, "
                      + summary()
                      + " marks the rest");
            },
            "mtbsync-batch-interrupt");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try (ConsoleProgress progress = ConsoleProgress.forTerminal(err, common.quiet || jobs > 1)) {
      rows = runner.run(progress);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it writes the summary
      }
    }
    return finish(rows, out, err, regressed.get());
  }

  /** The row's regression label; notes a verdict that fails the gate. */
  private String judged(RegressionVerdict v, AtomicBoolean regressed) {
    if (tracking.failsGate(v)) {
      regressed.set(true);
    }
    return v == null ? "" : v.status().label();
  }

  private void print(PrintWriter out, BatchRow row, int done, int total) {
    if (!common.quiet) {
      synchronized (out) {
        out.println(line(row, done, total));
      }
    }
  }

  /** Prints the tally; the exit code. */
  private int finish(List<BatchRow> rows, PrintWriter out, PrintWriter err, boolean regressed) {
    long ok = rows.stream().filter(r -> Boolean.TRUE.equals(r.timewarpOk())).count();
    long failed = rows.stream().filter(r -> r.status().equals(BatchRow.FAILED)).count();
    long notOk = rows.size() - ok - failed;
    out.printf(
        Locale.ROOT,
        "batch: %d of %d synced ok, %d not ok, %d failed; summary %s%n",
        ok,
        rows.size(),
        notOk,
        failed,
        summary());
    if (regressed) {
      err.println(
          "mtbsync: severe quality regression (see " + outDir.resolve("regression.json") + ")");
      return ExitCodes.QUALITY_FAIL;
    }
    return ok == rows.size() ? ExitCodes.OK : ExitCodes.ERROR;
  }

  private Path summary() {
    return outDir.resolve(BatchSummaryCsv.NAME);
  }

  private static String line(BatchRow r, int done, int total) {
    String head = String.format(Locale.ROOT, "[%d/%d] %s  ", done, total, r.video());
    if (!r.status().equals(BatchRow.OK)) {
      return head + r.status() + (r.error().isEmpty() ? "" : ": " + r.error());
    }
    StringBuilder s = new StringBuilder(head).append(r.timewarpOk() ? "ok" : "NOT OK");
    if (r.p90() != null) {
      s.append(
          String.format(
              Locale.ROOT,
              "  p90 %.3f s  ppm %+.0f  inliers %.0f%%",
              r.p90(),
              r.ppm(),
              100 * r.inlierFrac()));
    }
    s.append(String.format(Locale.ROOT, "  %.1f s", r.totalSec()));
    if (!r.regression().isEmpty()) {
      s.append("  regression ").append(r.regression());
    }
    s.append("  -> ").append(r.runId());
    if (!r.timewarpOk()) {
      s.append(" (").append(r.error()).append(')');
    }
    return s.toString();
  }
}
