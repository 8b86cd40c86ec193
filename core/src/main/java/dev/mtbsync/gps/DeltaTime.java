package dev.mtbsync.gps;

import dev.mtbsync.align.MonotoneWarp;
import java.util.ArrayList;
import java.util.List;

/**
 * Time gained and lost against the reference along the trail: at each place both runs reach, the
 * new run's time since the first place they share minus the reference's. Positive: the new run is
 * behind (time lost); negative: ahead (time gained). The place is the reference's time there, and
 * its distance along the trail where a track measures it.
 */
public final class DeltaTime {

  /** Spacing (s of reference time) of the curve's points. */
  public static final double STEP_SEC = 0.5;

  /**
   * Spacing (s of new-run time) of the table the warp is inverted through: evaluating the warp is
   * linear in its knots, so a table read once beats a bisection per point on long runs, and linear
   * steps of 50 ms on its smooth cubic are off by well under a millisecond.
   */
  private static final double TABLE_SEC = 0.05;

  /**
   * One point of the curve.
   *
   * @param tRef the reference's time at the place (s)
   * @param distanceM metres along the trail from the first shared place, NaN without GPS
   * @param tNew the new run's time at the place (s): the first time it is there
   * @param deltaSec new run's elapsed time minus the reference's (s), 0 at the first shared place
   */
  public record Point(double tRef, double distanceM, double tNew, double deltaSec) {}

  private DeltaTime() {}

  /**
   * @param warp new-run time to reference time
   * @param refCurve the reference's distance curve, or null
   * @param newCurve the new run's distance curve (used when the reference has none), or null
   */
  public static List<Point> curve(
      MonotoneWarp warp, DistanceCurve refCurve, DistanceCurve newCurve) {
    double[] knots = warp.tRef();
    double ref0 = knots[0];
    double refEnd = knots[knots.length - 1];
    Inverse inverse = new Inverse(warp);
    double new0 = inverse.at(ref0);
    List<Point> out = new ArrayList<>();
    int steps = (int) Math.floor((refEnd - ref0) / STEP_SEC + 1e-9);
    for (int i = 0; i <= steps + 1; i++) {
      double tRef = i <= steps ? ref0 + i * STEP_SEC : refEnd;
      if (i == steps + 1 && tRef - (ref0 + steps * STEP_SEC) < 1e-6) {
        break; // the end already lies on the grid
      }
      double tNew = inverse.at(tRef);
      if (Double.isNaN(tNew)) {
        continue;
      }
      double dist = distance(refCurve, newCurve, ref0, tRef, new0, tNew);
      out.add(new Point(tRef, dist, tNew, (tNew - new0) - (tRef - ref0)));
    }
    return out;
  }

  /** The warp's inverse from a table of its values: the first new time at a reference time. */
  private static final class Inverse {
    private final double[] tNew;
    private final double[] tRef;

    Inverse(MonotoneWarp warp) {
      double from = warp.validFrom();
      double to = warp.validTo();
      int n = (int) Math.ceil((to - from) / TABLE_SEC) + 1;
      tNew = new double[n];
      tRef = new double[n];
      for (int i = 0; i < n; i++) {
        tNew[i] = Math.min(to, from + i * TABLE_SEC);
        tRef[i] = warp.map(tNew[i]);
      }
    }

    /** NaN outside the warp's reference range. */
    double at(double t) {
      if (t < tRef[0] || t > tRef[tRef.length - 1]) {
        return Double.NaN;
      }
      int lo = 0;
      int hi = tRef.length - 1;
      while (lo < hi) { // the first entry at or past t
        int mid = (lo + hi) >>> 1;
        if (tRef[mid] >= t) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      if (lo == 0 || tRef[lo] == tRef[lo - 1]) {
        return tNew[lo];
      }
      double f = (t - tRef[lo - 1]) / (tRef[lo] - tRef[lo - 1]);
      return tNew[lo - 1] + f * (tNew[lo] - tNew[lo - 1]);
    }
  }

  /** Metres from the first shared place to this one, by the reference's track or else the new's. */
  static double distance(
      DistanceCurve refCurve,
      DistanceCurve newCurve,
      double ref0,
      double tRef,
      double new0,
      double tNew) {
    if (refCurve != null) {
      return refCurve.distanceAt(tRef) - refCurve.distanceAt(ref0);
    }
    if (newCurve != null) {
      return newCurve.distanceAt(tNew) - newCurve.distanceAt(new0);
    }
    return Double.NaN;
  }
}
