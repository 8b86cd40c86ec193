package dev.mtbsync.quality;

import dev.mtbsync.config.ConfigException;
import java.util.Locale;

/**
 * Named threshold sets for {@code quality-gate}, with the Python tool's values (its README, "Tuning
 * Thresholds"); fail is {@link RegressionThresholds#severeMultiplier()} (2) times warn.
 *
 * <p>DESIGN NOTE: the seed's "permissive" numbers are exactly its defaults, which are also its
 * "normal" preset, so {@link #PERMISSIVE} gates as {@link #NORMAL} does. It is kept so that the
 * preset names of the seed's workflows work here; loosen it in this one place if a looser
 * development gate is wanted.
 */
public enum GatePreset {
  /** Production gates: P90 +10% or 0.10 s, |ppm| +15% or 100, inliers -10% or 0.03. */
  STRICT(0.10, 0.10, 0.15, 100, 0.10, 0.03),
  /**
   * The defaults of sync, batch and quality-check: P90 +25% or 0.25 s, |ppm| +25% or 150, inliers
   * -15% or 0.05.
   */
  NORMAL(0.25, 0.25, 0.25, 150, 0.15, 0.05),
  /** The seed's development values (equal to {@link #NORMAL}, see the note above). */
  PERMISSIVE(0.25, 0.25, 0.25, 150, 0.15, 0.05),
  /** Whatever thresholds the caller gives, one by one. */
  CUSTOM(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  private final double p90Pct;
  private final double p90Abs;
  private final double ppmPct;
  private final double ppmAbs;
  private final double inlierPct;
  private final double inlierAbs;

  GatePreset(
      double p90Pct,
      double p90Abs,
      double ppmPct,
      double ppmAbs,
      double inlierPct,
      double inlierAbs) {
    this.p90Pct = p90Pct;
    this.p90Abs = p90Abs;
    this.ppmPct = ppmPct;
    this.ppmAbs = ppmAbs;
    this.inlierPct = inlierPct;
    this.inlierAbs = inlierAbs;
  }

  /** As written in quality_gate.json and taken by {@code --preset}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The preset's thresholds over a baseline of {@code window} runs.
   *
   * @throws IllegalStateException for {@link #CUSTOM}, which has none of its own
   */
  public RegressionThresholds thresholds(int window) {
    if (this == CUSTOM) {
      throw new IllegalStateException("the custom preset takes its thresholds from the caller");
    }
    return new RegressionThresholds(
        window,
        RegressionThresholds.MIN_HISTORY,
        p90Pct,
        p90Abs,
        ppmPct,
        ppmAbs,
        inlierPct,
        inlierAbs,
        RegressionThresholds.DEFAULT.severeMultiplier());
  }

  /**
   * @param name strict, normal, permissive or custom (any case)
   * @throws ConfigException for any other name
   */
  public static GatePreset parse(String name) {
    for (GatePreset p : values()) {
      if (p.label().equalsIgnoreCase(name.trim())) {
        return p;
      }
    }
    throw new ConfigException(
        "preset", "must be strict, normal, permissive or custom, got '" + name + "'");
  }
}
