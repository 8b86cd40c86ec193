package dev.mtbsync.gps;

import dev.mtbsync.align.MonotoneWarp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one "time lost or gained" figure of a run, and the curve re-measured so that it agrees with
 * it: what the sync summary, the overlay PNG, the dashboard and the exports all show.
 *
 * <p>DESIGN NOTE: three totals used to be shown for one run: the split table's last running delta
 * (from the first gate to the last), the end of the delta curve (from the first place both runs
 * share to the last, which also counts the roll-in before the first gate and the run-out after the
 * last) and the curve's value under a gate (again from the first shared place). A rider times a run
 * from gate to gate, so that is the figure; the curve is re-zeroed at the first gate so that its
 * value under every gate is that gate's running delta. Without gates the whole shared stretch is
 * all there is to measure.
 *
 * @param seconds new run's time minus the reference's over the stretch (s): above zero time lost
 * @param byGates measured from the first gate to the last (else over the whole shared stretch)
 * @param from the first gate's name (null without gates)
 * @param to the last gate's name (null without gates)
 */
public record TimeGap(double seconds, boolean byGates, String from, String to) {

  /** The definition, in words, for pages and help texts. */
  public static final String DEFINITION =
      "time gap: the new run's time from the first gate to the last minus the reference's"
          + " (without gates: over the whole stretch both runs share); above zero, time lost";

  /**
   * The gap of a run.
   *
   * @param gates the split gates in trail order (may be empty)
   * @param curve the delta curve in trail order (may be empty)
   * @return null when there are fewer than two gates and no curve
   */
  public static TimeGap of(List<Splits.Gate> gates, List<DeltaTime.Point> curve) {
    if (gates.size() >= 2) {
      Splits.Gate last = gates.get(gates.size() - 1);
      return new TimeGap(last.deltaSec(), true, gates.get(0).name(), last.name());
    }
    if (curve.size() >= 2) {
      return new TimeGap(
          curve.get(curve.size() - 1).deltaSec() - curve.get(0).deltaSec(), false, null, null);
    }
    return null;
  }

  /**
   * The running gap at a moment of the new run: its time since the first gate minus the reference's
   * time since that gate, the reference's moment given by the warp. At each gate on the warp it is
   * that gate's running delta ({@link Splits.Gate#deltaSec()}), at the last one the run's gap
   * ({@link #of}); between gates it is the delta curve measured from the first gate ({@link
   * #fromFirstGate}). The compare page states it at its playhead with this arithmetic.
   *
   * @param warp new-run time to reference time
   * @param first the first gate (trail order)
   * @param tNew the moment of the new run (s), inside the warp's range
   * @return seconds, above zero behind (time lost); NaN outside the warp's range
   */
  public static double runningAt(MonotoneWarp warp, Splits.Gate first, double tNew) {
    if (!(tNew >= warp.validFrom() && tNew <= warp.validTo())) {
      return Double.NaN;
    }
    return (tNew - first.tNew()) - (warp.map(tNew) - first.tRef());
  }

  /** "+2.27 s lost", "-0.40 s gained", "+0.00 s". */
  public String label() {
    String s = String.format(Locale.ROOT, "%+.2f s", seconds);
    return seconds >= 0.005 ? s + " lost" : seconds <= -0.005 ? s + " gained" : s;
  }

  /** What the figure spans, in words: "Drop 1 to Sector gate 1" or "whole shared stretch". */
  public String span() {
    return byGates ? from + " to " + to : "whole shared stretch";
  }

  /**
   * The gate closing the sector that cost the most time, or null when no sector lost any.
   *
   * @param gates the split gates in trail order
   */
  public static Splits.Gate worstSector(List<Splits.Gate> gates) {
    Splits.Gate worst = null;
    for (Splits.Gate g : gates) {
      double d = g.sectorDeltaSec();
      if (Double.isFinite(d) && d > 0 && (worst == null || d > worst.sectorDeltaSec())) {
        worst = g;
      }
    }
    return worst;
  }

  /**
   * The gate closing the sector where the new run gained the most time, or null when it gained in
   * none.
   *
   * @param gates the split gates in trail order
   */
  public static Splits.Gate bestSector(List<Splits.Gate> gates) {
    Splits.Gate best = null;
    for (Splits.Gate g : gates) {
      double d = g.sectorDeltaSec();
      if (Double.isFinite(d) && d < 0 && (best == null || d < best.sectorDeltaSec())) {
        best = g;
      }
    }
    return best;
  }

  /**
   * The curve measured from the first gate: delta and distance zero where the reference passes it,
   * so the curve's value under each gate is that gate's running delta. Unchanged with no gates, or
   * when the first gate lies outside the curve.
   *
   * @param curve the delta curve in trail order
   * @param firstGateTRef the reference's time at the first gate (s), NaN for none
   */
  public static List<DeltaTime.Point> fromFirstGate(
      List<DeltaTime.Point> curve, double firstGateTRef) {
    if (curve.size() < 2 || !Double.isFinite(firstGateTRef)) {
      return curve;
    }
    double[] at = at(curve, firstGateTRef);
    if (at == null) {
      return curve;
    }
    List<DeltaTime.Point> out = new ArrayList<>(curve.size());
    for (DeltaTime.Point p : curve) {
      out.add(new DeltaTime.Point(p.tRef(), p.distanceM() - at[1], p.tNew(), p.deltaSec() - at[0]));
    }
    return out;
  }

  /** {delta, distance} of the curve at a reference time, linear; null outside. */
  private static double[] at(List<DeltaTime.Point> curve, double tRef) {
    for (int i = 1; i < curve.size(); i++) {
      DeltaTime.Point a = curve.get(i - 1);
      DeltaTime.Point b = curve.get(i);
      if (tRef >= a.tRef() && tRef <= b.tRef()) {
        double f = b.tRef() > a.tRef() ? (tRef - a.tRef()) / (b.tRef() - a.tRef()) : 0;
        return new double[] {
          a.deltaSec() + f * (b.deltaSec() - a.deltaSec()),
          a.distanceM() + f * (b.distanceM() - a.distanceM())
        };
      }
    }
    return null;
  }
}
