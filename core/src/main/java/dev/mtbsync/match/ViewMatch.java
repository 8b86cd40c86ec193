package dev.mtbsync.match;

/**
 * How two sampled frames relate: ORB matches and the homography that most of them agree on.
 *
 * @param matches cross-checked descriptor matches
 * @param inliers matches within the reprojection threshold of the homography
 * @param homography row-major 3x3, new-frame px to reference-frame px; null when none was found
 * @param parallax mean squared distance (px^2) of the consistent matches from one homography: least
 *     where both cameras stood at the same place; NaN when it could not be measured
 */
record ViewMatch(int matches, int inliers, double[] homography, double parallax) {

  static final ViewMatch NONE = new ViewMatch(0, 0, null, Double.NaN);
}
