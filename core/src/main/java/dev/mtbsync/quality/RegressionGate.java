package dev.mtbsync.quality;

import dev.mtbsync.quality.RegressionVerdict.Status;
import dev.mtbsync.stats.Stats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges a run against the median of the runs before it. For each metric, with {@code worse} its
 * change in the bad direction and {@code limit = max(pct x |baseline|, abs)}: warn when {@code
 * worse > limit}, fail when {@code worse > severeMultiplier x limit}. A change exactly at a limit
 * passes (compared with a tolerance of 1e-9 relative, so that 0.8 - 0.68 is not read as more than
 * 0.12).
 */
public final class RegressionGate {

  private RegressionGate() {}

  /**
   * @param current the run to judge
   * @param prior the history before it, oldest first
   */
  public static RegressionVerdict evaluate(
      QualityRecord current, List<QualityRecord> prior, RegressionThresholds t) {
    t.validate();
    List<QualityRecord> window =
        prior.subList(Math.max(0, prior.size() - t.window()), prior.size());
    boolean learning = prior.size() < t.minHistory();
    Map<String, Double> now = new LinkedHashMap<>();
    Map<String, Double> base = new LinkedHashMap<>();
    Map<String, Double> deltas = new LinkedHashMap<>();
    List<String> reasons = new ArrayList<>();
    Status status = Status.OK;
    for (QualityMetric m : QualityMetric.values()) {
      Double cur = m.of(current);
      now.put(m.key(), cur);
      double[] values =
          window.stream().map(m::of).filter(v -> v != null).mapToDouble(v -> v).toArray();
      if (values.length == 0) {
        continue;
      }
      double b = Stats.median(values);
      base.put(m.key(), b);
      if (cur == null) {
        continue;
      }
      deltas.put(m.key(), cur - b);
      double worse = m.worsening(cur, b);
      double limit = Math.max(m.pct(t) * Math.abs(b), m.abs(t));
      Status s =
          exceeds(worse, t.severeMultiplier() * limit)
              ? Status.FAIL
              : exceeds(worse, limit) ? Status.WARN : Status.OK;
      if (s != Status.OK && !learning) {
        reasons.add(reason(m, cur, b, s));
        status = s.compareTo(status) > 0 ? s : status;
      }
    }
    if (learning) {
      status = Status.LEARNING;
      reasons.add(
          String.format(
              Locale.ROOT,
              "learning: %d run%s in history, %d needed before gating",
              prior.size(),
              prior.size() == 1 ? "" : "s",
              t.minHistory()));
    }
    return new RegressionVerdict(
        status,
        current.runId(),
        now,
        base,
        deltas,
        t,
        List.copyOf(reasons),
        window.size(),
        prior.size());
  }

  static boolean exceeds(double value, double limit) {
    return value - limit > 1e-9 * Math.max(1, Math.abs(limit));
  }

  private static String reason(QualityMetric m, double cur, double base, Status s) {
    String pct =
        base == 0
            ? ""
            : String.format(Locale.ROOT, " (%+.1f%%)", 100 * (cur - base) / Math.abs(base));
    String severity = s == Status.FAIL ? " (severe)" : "";
    return switch (m) {
      case P90_SEC ->
          String.format(
              Locale.ROOT,
              "P90 regression%s: %.3f s vs baseline %.3f s%s",
              severity,
              cur,
              base,
              pct);
      case PPM ->
          String.format(
              Locale.ROOT, "PPM regression%s: %.0f vs baseline %.0f%s", severity, cur, base, pct);
      case INLIER_FRAC ->
          String.format(
              Locale.ROOT,
              "Inlier fraction regression%s: %.3f vs baseline %.3f%s",
              severity,
              cur,
              base,
              pct);
    };
  }
}
