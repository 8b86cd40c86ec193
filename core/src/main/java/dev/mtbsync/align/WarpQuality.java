package dev.mtbsync.align;

/**
 * How well a fitted warp explains its pairs.
 *
 * @param ok every gate passed
 * @param pairs pairs the fit saw
 * @param inliers pairs that support it
 * @param a slope of the robust affine fit t_ref = a t_new + b
 * @param b intercept of that fit (s)
 * @param ppm (a - 1) x 1e6: the average speed ratio against 1:1 playback
 * @param mae mean absolute residual of the inliers (s)
 * @param p50 median absolute residual (s)
 * @param p90 90th percentile (s)
 * @param p95 95th percentile (s)
 * @param reasons why {@code ok} is false; empty when it is true
 */
public record WarpQuality(
    boolean ok,
    int pairs,
    int inliers,
    double a,
    double b,
    double ppm,
    double mae,
    double p50,
    double p90,
    double p95,
    java.util.List<String> reasons) {

  public double inlierFrac() {
    return pairs == 0 ? 0 : (double) inliers / pairs;
  }
}
