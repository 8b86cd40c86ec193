package dev.mtbsync.match;

/**
 * One verified correspondence: the new run at {@code tNew} shows the place the reference shows at
 * {@code tRef}.
 *
 * @param tNew time in the new video (s)
 * @param tRef time in the reference video (s), refined between frames
 * @param score how sure the match is, 0 to 1 (from the number of RANSAC inliers)
 * @param inliers ORB matches that agree (RANSAC inliers)
 */
public record TimePair(double tNew, double tRef, double score, int inliers) {}
