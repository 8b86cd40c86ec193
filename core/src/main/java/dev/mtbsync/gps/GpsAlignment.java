package dev.mtbsync.gps;

/**
 * Where the GPS puts the new run on the reference's clock.
 *
 * @param tNew new-run video times (s), {@value DistanceCurve#RATE_HZ} a second, increasing
 * @param tRef the reference video time (s) at the same place, non-decreasing; beyond either track's
 *     ends it continues at the riders' equal pace, and {@code sigmaSec} grows there
 * @param sigmaSec how far (s, one standard deviation) the truth may lie from {@code tRef}
 * @param distanceScale reference metres per new-run metre along the trail (receivers measure one
 *     trail a little differently)
 * @param distanceOffsetM metres along the reference's track where the new run's track starts
 * @param placeRmsM how far (m, RMS) the new run's fixes lie from the reference's path
 * @param sharedFrac share of the new run's fixes, where both tracks cover the trail, that lie on
 *     the reference's path
 * @param timeScale slope of the straight line through the mapping (reference s per new s)
 * @param timeOffsetSec its value at new time 0 (s)
 */
public record GpsAlignment(
    double[] tNew,
    double[] tRef,
    double[] sigmaSec,
    double distanceScale,
    double distanceOffsetM,
    double placeRmsM,
    double sharedFrac,
    double timeScale,
    double timeOffsetSec) {

  /** Reference time (s) the GPS expects at new time t, linear between samples; NaN outside. */
  public double refAt(double t) {
    return interpolate(tRef, t);
  }

  /** The uncertainty (s) at new time t; NaN outside. */
  public double sigmaAt(double t) {
    return interpolate(sigmaSec, t);
  }

  private double interpolate(double[] v, double t) {
    double x = (t - tNew[0]) * DistanceCurve.RATE_HZ;
    if (!(x >= 0) || x > tNew.length - 1) {
      return Double.NaN;
    }
    int i = Math.min((int) x, tNew.length - 2);
    double f = x - i;
    return v[i] + f * (v[i + 1] - v[i]);
  }
}
