package dev.mtbsync.server.artefacts;

import dev.mtbsync.gps.Splits;
import dev.mtbsync.gps.TimeGap;
import java.util.List;

/**
 * A run against its reference at a glance, for the runs list: from its splits and delta curve, the
 * same figures the run's delta card states.
 *
 * @param runTimeSec the new run's time from the first gate to the last (s), null with fewer than
 *     two gates
 * @param gapSec the run's one gap figure ({@link TimeGap}, s; above zero, time lost)
 * @param gapLabel {@code +2.27 s lost}
 * @param best the sector where the new run gained the most, null when it gained in none
 * @param worst the sector where it lost the most, null when it lost in none
 */
public record Lap(Double runTimeSec, Double gapSec, String gapLabel, Sector best, Sector worst) {

  /** A sector, named by the gate that closes it; {@code deltaSec} new minus reference (s). */
  public record Sector(int gate, String name, double deltaSec) {}

  /** The run's figures, or null when it has neither splits nor a delta curve. */
  public static Lap of(SplitsView v) {
    List<Splits.Gate> gates = v.gates();
    TimeGap gap = v.gap();
    if (gap == null) {
      return null;
    }
    Double runTime = null;
    if (gates.size() >= 2) {
      double t = gates.get(gates.size() - 1).newElapsedSec();
      runTime = Double.isFinite(t) ? t : null;
    }
    return new Lap(
        runTime,
        gap.seconds(),
        gap.label(),
        sector(TimeGap.bestSector(gates)),
        sector(TimeGap.worstSector(gates)));
  }

  private static Sector sector(Splits.Gate g) {
    return g == null ? null : new Sector(g.gate(), g.name(), g.sectorDeltaSec());
  }
}
