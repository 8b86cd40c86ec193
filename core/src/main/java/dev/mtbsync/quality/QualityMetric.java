package dev.mtbsync.quality;

import java.util.function.Function;

/** The metrics regression gating watches, with the direction in which each gets worse. */
public enum QualityMetric {
  /** P90 residual of the warp (s); worse when it rises. */
  P90_SEC("p90_sec", "P90 (s)", true, QualityRecord::p90Sec),
  /** Size of the average speed ratio's drift, |ppm|; worse when it rises. */
  PPM("ppm", "PPM", true, r -> r.ppm() == null ? null : Math.abs(r.ppm())),
  /** Share of pairs supporting the warp; worse when it drops. */
  INLIER_FRAC("inlier_frac", "Inlier frac", false, QualityRecord::inlierFrac);

  private final String key;
  private final String label;
  private final boolean higherIsWorse;
  private final Function<QualityRecord, Double> value;

  QualityMetric(
      String key, String label, boolean higherIsWorse, Function<QualityRecord, Double> value) {
    this.key = key;
    this.label = label;
    this.higherIsWorse = higherIsWorse;
    this.value = value;
  }

  /** The field name in regression.json. */
  public String key() {
    return key;
  }

  /** The name in tables. */
  public String label() {
    return label;
  }

  /** The value gated, or null when the record has none. */
  public Double of(QualityRecord r) {
    return value.apply(r);
  }

  /** How much worse {@code current} is than {@code baseline} (negative: better). */
  double worsening(double current, double baseline) {
    return higherIsWorse ? current - baseline : baseline - current;
  }

  double pct(RegressionThresholds t) {
    return switch (this) {
      case P90_SEC -> t.p90Pct();
      case PPM -> t.ppmPct();
      case INLIER_FRAC -> t.inlierPct();
    };
  }

  double abs(RegressionThresholds t) {
    return switch (this) {
      case P90_SEC -> t.p90Abs();
      case PPM -> t.ppmAbs();
      case INLIER_FRAC -> t.inlierAbs();
    };
  }
}
