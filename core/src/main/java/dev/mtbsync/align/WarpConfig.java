package dev.mtbsync.align;

/**
 * How a time-warp is fitted and judged. Checked once by {@link #validate()}.
 *
 * @param windowSec width (s) of the local-parabola window: each pair's place on the warp is fitted
 *     from the pairs within half a window either side, 0.2 to 10
 * @param inlierThreshSec a pair further than this (s) from its neighbours' local trend is an
 *     outlier, 0.01 to 5
 * @param minInlierFrac gate: the mapping is ok only if at least this share of pairs supports it
 * @param ransacIters iterations of the RANSAC affine fit that gives {@code params.a/b} and ppm
 * @param maxPpm gate on the affine speed ratio |a - 1| in parts per million; null for none (riders
 *     do not ride at one speed ratio, so by default it only informs)
 * @param maxP90Sec gate: the 90th percentile residual (s) must not exceed this
 */
public record WarpConfig(
    double windowSec,
    double inlierThreshSec,
    double minInlierFrac,
    int ransacIters,
    Double maxPpm,
    double maxP90Sec)
    implements java.io.Serializable { // shipped to Spark workers

  public static final WarpConfig DEFAULT = new WarpConfig(2.0, 0.3, 0.25, 500, null, 1.0);

  public WarpConfig validate() {
    check(windowSec >= 0.2 && windowSec <= 10, "warp window must be 0.2 to 10 s, got " + windowSec);
    check(
        inlierThreshSec >= 0.01 && inlierThreshSec <= 5,
        "warp inlier threshold must be 0.01 to 5 s, got " + inlierThreshSec);
    check(
        minInlierFrac >= 0 && minInlierFrac <= 1,
        "warp min inlier fraction must be 0 to 1, got " + minInlierFrac);
    check(ransacIters >= 10 && ransacIters <= 100_000, "RANSAC iterations must be 10 to 100000");
    check(maxPpm == null || maxPpm >= 0, "warp max ppm must not be negative, got " + maxPpm);
    check(maxP90Sec > 0, "max P90 must be positive, got " + maxP90Sec);
    return this;
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
