package dev.mtbsync.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A verdict's metrics as a text table: a header, then per metric its current value, baseline and
 * change ({@code P90 (s) 1.300 1.000 +0.300 (+30.0%)}). Printed by quality-check and written into
 * quality_gate.txt.
 */
public final class RegressionTable {

  private RegressionTable() {}

  public static List<String> lines(RegressionVerdict v) {
    List<String> lines = new ArrayList<>();
    lines.add(row("Metric", "Current", "Baseline", "Delta"));
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
      lines.add(
          row(
              m.label(),
              cur == null ? "-" : fmt(cur, digits, false),
              base == null ? "-" : fmt(base, digits, false),
              delta));
    }
    return lines;
  }

  private static String row(String metric, String current, String baseline, String delta) {
    return String.format(Locale.ROOT, "%-12s %10s %10s   %s", metric, current, baseline, delta)
        .stripTrailing();
  }

  private static String fmt(double v, int digits, boolean signed) {
    return String.format(Locale.ROOT, "%" + (signed ? "+" : "") + "." + digits + "f", v);
  }
}
