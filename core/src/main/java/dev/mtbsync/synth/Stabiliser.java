package dev.mtbsync.synth;

import java.util.SplittableRandom;

/**
 * Electronic stabilisation as a camera does it: the picture is a window of {@link #CROP} of the
 * sensor's width and height, rescaled to the full frame, so it shows 80% of the unstabilised field
 * of view (like a 1.25x zoom). The window's centre drifts slowly: two sines per axis with periods
 * of about 7 s and 3 s horizontally, 6 s and 2.5 s vertically, at most 4% of the width and 3% of
 * the height from the middle, so it never leaves the sensor (the margin is 10% a side).
 */
final class Stabiliser {

  /** Fraction of the sensor's width and height that the picture shows. */
  static final double CROP = 0.8;

  private final Wave x;
  private final Wave y;

  /**
   * @param seed the run's own seed, so the drift follows from the pair's seed
   */
  Stabiliser(long seed) {
    SplittableRandom rng = new SplittableRandom(seed ^ 0x57AB1L);
    x = new Wave(rng, new double[] {7.0, 3.0}, new double[] {0.025, 0.015});
    y = new Wave(rng, new double[] {6.0, 2.5}, new double[] {0.02, 0.01});
  }

  /** Horizontal offset (fraction of the width, positive right) of the window's centre at t (s). */
  double driftX(double t) {
    return x.at(t);
  }

  /** Vertical offset (fraction of the height, positive down) of the window's centre at t (s). */
  double driftY(double t) {
    return y.at(t);
  }
}
