package dev.mtbsync.synth;

import java.util.SplittableRandom;

/** The rider's own small head movements, in time (not tied to the place): about +-1 degree. */
final class HeadMotion {

  private final Wave yaw;
  private final Wave pitch;

  HeadMotion(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    yaw = new Wave(rng, new double[] {3.7, 1.3}, new double[] {0.012, 0.005});
    pitch = new Wave(rng, new double[] {2.9, 0.8}, new double[] {0.01, 0.004});
  }

  double yawAt(double t) {
    return yaw.at(t);
  }

  double pitchAt(double t) {
    return pitch.at(t);
  }
}
