package dev.mtbsync.match;

/**
 * How two sampled frames relate: ORB matches and the homography that most of them agree on.
 *
 * @param matches descriptor matches that pass Lowe's ratio test
 * @param inliers matches within the reprojection threshold of the homography
 * @param homography row-major 3x3, new-frame px to reference-frame px; null when none was found
 * @param parallax mean squared distance (px^2) of the consistent matches from one homography: least
 *     where both cameras stood at the same place; NaN when it could not be measured
 * @param consistent matches a fundamental matrix accepts (true correspondences, with or without
 *     parallax)
 */
record ViewMatch(int matches, int inliers, double[] homography, double parallax, int consistent) {

  static final ViewMatch NONE = new ViewMatch(0, 0, null, Double.NaN, 0);

  /**
   * Share of the geometrically consistent matches that one homography explains: 1 where both
   * cameras stood at the same place, less as parallax grows; NaN when not measured.
   */
  double planarShare() {
    return consistent < 1 ? Double.NaN : Math.min(1.0, (double) inliers / consistent);
  }
}
