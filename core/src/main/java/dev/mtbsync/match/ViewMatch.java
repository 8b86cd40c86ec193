package dev.mtbsync.match;

/**
 * How two sampled frames relate: ORB matches and the homography that most of them agree on.
 *
 * @param matches cross-checked descriptor matches
 * @param inliers matches within the reprojection threshold of the homography
 * @param homography row-major 3x3, new-frame px to reference-frame px; null when none was found
 */
record ViewMatch(int matches, int inliers, double[] homography) {

  static final ViewMatch NONE = new ViewMatch(0, 0, null);
}
