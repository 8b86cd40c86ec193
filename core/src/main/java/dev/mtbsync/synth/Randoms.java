package dev.mtbsync.synth;

import java.util.SplittableRandom;

/** Draws from distributions the JDK's SplittableRandom lacks. */
final class Randoms {

  private Randoms() {}

  /** A standard normal sample (Box-Muller), reproducible from the generator's state. */
  static double gaussian(SplittableRandom rng) {
    double u1 = 1 - rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
