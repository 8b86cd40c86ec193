package dev.mtbsync.cli;

import dev.mtbsync.quality.QualityMetric;
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
    o.printf(Locale.ROOT, "%-12s %10s %10s   %s%n", "Metric", "Current", "Baseline", "Delta");
    for (QualityMetric m : QualityMetric.values()) {
      Double cur = v.current().get(m.key());
      Double base = v.baseline().get(m.key());
      int digits = m == QualityMetric.PPM ? 0 : m == QualityMetric.P90_SEC ? 3 : 2;
      String delta = "";
      if (cur != null && base != null) {
        delta = fmt(cur - base, digits, true);
        if (base != 0) {
          delta += String.format(Locale.ROOT, " (%+.1f%%)", 100 * (cur - base) / Math.abs(base));
        }
      }
      o.printf(
          Locale.ROOT,
          "%-12s %10s %10s   %s%n",
          m.label(),
          cur == null ? "-" : fmt(cur, digits, false),
          base == null ? "-" : fmt(base, digits, false),
          delta);
    }
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

  private static String fmt(double v, int digits, boolean signed) {
    return String.format(Locale.ROOT, "%" + (signed ? "+" : "") + "." + digits + "f", v);
  }
}
