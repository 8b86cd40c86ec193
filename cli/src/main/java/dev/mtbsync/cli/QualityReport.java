package dev.mtbsync.cli;

import dev.mtbsync.quality.RegressionTable;
import dev.mtbsync.quality.RegressionVerdict;
import dev.mtbsync.quality.RegressionVerdict.Status;
import java.io.PrintWriter;
import java.util.Locale;

/** How regression verdicts are printed. */
final class QualityReport {

  private QualityReport() {}

  /** One line after a sync: {@code regression warn: P90 regression: ...}. */
  static void line(PrintWriter o, RegressionVerdict v) {
    o.println("regression   " + summary(v));
  }

  /** The verdict in a few words (batch rows, the sync line). */
  static String summary(RegressionVerdict v) {
    String status = v.status().label();
    if (v.status() == Status.LEARNING) {
      return String.format(
          Locale.ROOT,
          "learning (%d of %d runs needed for a baseline)",
          v.historySize(),
          v.thresholds().minHistory());
    }
    if (v.reasons().isEmpty()) {
      return String.format(
          Locale.ROOT, "%s (baseline: median of %d runs)", status, v.baselineWindow());
    }
    return status + ": " + String.join("; ", v.reasons());
  }

  /** The quality-check table: each metric's current value, baseline and change. */
  static void table(PrintWriter o, RegressionVerdict v) {
    o.println("Regression status: " + v.status().name());
    RegressionTable.lines(v).forEach(o::println);
    for (String reason : v.reasons()) {
      o.println("-> " + reason);
    }
    o.printf(
        Locale.ROOT,
        "Baseline window: %d run%s (%d in history before this one)%n",
        v.baselineWindow(),
        v.baselineWindow() == 1 ? "" : "s",
        v.historySize());
    o.println("Run ID: " + v.runId());
  }
}
