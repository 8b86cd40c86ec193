package dev.mtbsync.synth;

import java.util.SplittableRandom;

/**
 * A smooth pseudo-random signal: a sum of sines with seeded phases. Used for speeds, camera sway
 * and trail shape, where a smooth, reproducible, non-periodic-looking curve is wanted.
 */
final class Wave {

  private final double[] amplitude;
  private final double[] omega;
  private final double[] phase;

  /**
   * @param periods period of each component (in the unit of the argument)
   * @param amplitudes amplitude of each component
   */
  Wave(SplittableRandom rng, double[] periods, double[] amplitudes) {
    amplitude = amplitudes.clone();
    omega = new double[periods.length];
    phase = new double[periods.length];
    for (int i = 0; i < periods.length; i++) {
      // a little jitter on the period keeps components from locking into a visible beat
      omega[i] = 2 * Math.PI / (periods[i] * (0.85 + 0.3 * rng.nextDouble()));
      phase[i] = 2 * Math.PI * rng.nextDouble();
    }
  }

  double at(double x) {
    double sum = 0;
    for (int i = 0; i < omega.length; i++) {
      sum += amplitude[i] * Math.sin(omega[i] * x + phase[i]);
    }
    return sum;
  }

  /** Derivative with respect to x. */
  double slope(double x) {
    double sum = 0;
    for (int i = 0; i < omega.length; i++) {
      sum += amplitude[i] * omega[i] * Math.cos(omega[i] * x + phase[i]);
    }
    return sum;
  }

  /** Integral from 0 to x. */
  double integral(double x) {
    double sum = 0;
    for (int i = 0; i < omega.length; i++) {
      sum += amplitude[i] / omega[i] * (Math.cos(phase[i]) - Math.cos(omega[i] * x + phase[i]));
    }
    return sum;
  }
}
