package dev.mtbsync.match;

/**
 * How two sampled frames relate: ORB matches and the homography that most of them agree on.
 *
 * @param matches descriptor matches that pass Lowe's ratio test
 * @param inliers matches within the reprojection threshold of the homography
 * @param homography row-major 3x3, new-frame px to reference-frame px; null when none was found
 * @param points the ratio-test matches, 4 floats each: new x, y, reference x, y (px); null when
 *     there were too few to fit a homography
 */
public record ViewMatch(int matches, int inliers, double[] homography, float[] points) {

  static final ViewMatch NONE = new ViewMatch(0, 0, null, null);
}
