package dev.mtbsync.synth;

import java.util.SplittableRandom;

/**
 * How the reference rider moves: distance along the trail (m) as a function of reference time (s).
 * Speed varies smoothly between about 3 and 10 m/s; defined for negative times and past the end
 * too, because the new run may start recording before the reference did.
 */
final class RefRide {

  private final double baseSpeed;
  private final Wave speedWave;

  RefRide(SplittableRandom rng) {
    baseSpeed = 5.5 + 1.5 * rng.nextDouble();
    speedWave = new Wave(rng, new double[] {21, 9, 4.3}, new double[] {1.4, 0.9, 0.45});
  }

  /** Distance along the trail in metres at reference time {@code tRef} seconds. */
  double distanceAt(double tRef) {
    return baseSpeed * tRef + speedWave.integral(tRef);
  }

  /** Speed in m/s at reference time {@code tRef} seconds. */
  double speedAt(double tRef) {
    return baseSpeed + speedWave.at(tRef);
  }
}
