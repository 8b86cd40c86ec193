package dev.mtbsync.synth;

import java.util.SplittableRandom;

/**
 * The trail as a function of distance s (m): where the dirt line runs inside the forest corridor,
 * where a rider looks and how the ground shakes the camera there, and the trail's course on the
 * map. Everything tied to the place lives here, so both runs see the same bumps at the same spot.
 */
final class TrailShape {

  /** Trees stand this far (m) either side of the corridor's axis. */
  static final double HALF_WIDTH = 4.5;

  /** Helmet camera height above the ground (m). */
  static final double CAMERA_HEIGHT = 1.45;

  private final Wave centre;
  private final Wave glance;
  private final Wave bumps;
  private final Wave lean;
  private final Wave bob;
  private final Wave heading;

  TrailShape(SplittableRandom rng) {
    centre = new Wave(rng, new double[] {70, 26, 11}, new double[] {0.7, 0.35, 0.15});
    glance = new Wave(rng, new double[] {40, 15}, new double[] {0.07, 0.04});
    bumps = new Wave(rng, new double[] {3.1, 1.3, 0.55}, new double[] {0.015, 0.01, 0.005});
    lean = new Wave(rng, new double[] {33, 12}, new double[] {0.035, 0.02});
    bob = new Wave(rng, new double[] {2.2, 0.9}, new double[] {0.025, 0.012});
    heading = new Wave(rng, new double[] {400, 150, 60}, new double[] {0.9, 0.5, 0.25});
  }

  /** Lateral position (m, right positive) of the middle of the dirt line at distance s. */
  double centreAt(double s) {
    return centre.at(s);
  }

  /** Camera pose of a rider on the line at distance s, before per-run differences. */
  CameraPose poseAt(double s) {
    double yaw = Math.atan(centre.slope(s)) + glance.at(s);
    double pitch = -0.12 + bumps.at(s);
    return new CameraPose(s, centre.at(s), CAMERA_HEIGHT + bob.at(s), yaw, pitch, lean.at(s), 1);
  }

  /** Map heading (radians clockwise from north) of the trail at distance s. */
  double headingAt(double s) {
    return 2.2 + heading.at(s);
  }

  /** Elevation (m) at distance s: a descent of about 10% with rolls. */
  double elevationAt(double s) {
    return 1450 - 0.1 * s + 3 * Math.sin(s / 47.0) + bob.at(s);
  }
}
