package dev.mtbsync.cli;

import dev.mtbsync.quality.QualityRecord;
import dev.mtbsync.quality.QualityTracker;
import dev.mtbsync.quality.RegressionVerdict;
import dev.mtbsync.runs.SyncResult;
import dev.mtbsync.telemetry.TelemetryConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Telemetry and regression tracking of sync and batch. */
public final class TrackingOptions {

  @Option(
      names = "--no-gpu",
      description = "Do not probe NVIDIA GPUs for perf.json (gpu_util, gpu_mem_mb stay null).")
  boolean noGpu;

  @Option(
      names = "--regression-off",
      description =
          "Do not add this run to ROOT/quality_history.json nor judge it (regression.json).")
  boolean regressionOff;

  @Option(
      names = "--fail-on-regression",
      description =
          "Exit 20 when the run is a severe regression (status fail) against the baseline.")
  boolean failOnRegression;

  @Mixin RegressionThresholdOptions regression;

  /** The telemetry asked for; checks the regression flags too, so a bad one stops before work. */
  TelemetryConfig telemetry() {
    if (!regressionOff) {
      regression.thresholds();
    }
    return TelemetryConfig.of(!noGpu);
  }

  /**
   * Adds a finished sync to the root's quality history and judges it. Problems with the history are
   * warnings on {@code err}; so is a history that cannot be written, which never undoes the sync.
   *
   * @return the verdict, or null when tracking is off, the sync was not ok, or the history failed
   */
  RegressionVerdict record(Path root, SyncResult result, Path newVideo, PrintWriter err) {
    if (regressionOff) {
      return null;
    }
    try {
      QualityTracker.Tracked t =
          QualityTracker.record(
              root, result, newVideo.getFileName().toString(), regression.thresholds());
      if (t == null) {
        return null;
      }
      t.problems().forEach(p -> err.println("mtbsync: warning: " + p));
      return t.verdict();
    } catch (IOException e) {
      err.println("mtbsync: warning: quality history not updated: " + Main.describe(e));
      return null;
    }
  }

  /**
   * As {@link #record(Path, SyncResult, Path, PrintWriter)}, for a pair synced in another JVM: only
   * its quality record came back (null when its warp missed its gates).
   */
  RegressionVerdict record(Path root, QualityRecord rec, PrintWriter err) {
    if (regressionOff || rec == null) {
      return null;
    }
    try {
      QualityTracker.Tracked t = QualityTracker.record(root, rec, regression.thresholds());
      t.problems().forEach(p -> err.println("mtbsync: warning: " + p));
      return t.verdict();
    } catch (IOException e) {
      err.println("mtbsync: warning: quality history not updated: " + Main.describe(e));
      return null;
    }
  }

  /** Whether {@code verdict} should fail the command with exit 20. */
  boolean failsGate(RegressionVerdict verdict) {
    return failOnRegression && verdict != null && verdict.status() == RegressionVerdict.Status.FAIL;
  }
}
