package dev.mtbsync.match;

/**
 * How pairs are found. Checked once by {@link #validate()}.
 *
 * @param searchSamples reference samples either side of the coarse path that ORB verifies, 1 to 10
 * @param minInliers RANSAC inliers a pair needs, 6 to 500
 * @param threads worker threads, 1 to 64
 * @param estimateLens whether the pair's lens difference is estimated and taken out of the new
 *     run's keypoints before timing (on by default; off reproduces the matching without it)
 * @param placeOnFrames whether the markers are placed on the new run's own frames ({@link
 *     MomentRefiner}; on by default) or read off the warp alone
 */
public record MatchConfig(
    int searchSamples, int minInliers, int threads, boolean estimateLens, boolean placeOnFrames)
    implements java.io.Serializable { // shipped to Spark workers

  /** With the lens estimated and the markers placed on the frames. */
  public MatchConfig(int searchSamples, int minInliers, int threads) {
    this(searchSamples, minInliers, threads, true, true);
  }

  /** With the markers placed on the frames. */
  public MatchConfig(int searchSamples, int minInliers, int threads, boolean estimateLens) {
    this(searchSamples, minInliers, threads, estimateLens, true);
  }

  public static MatchConfig defaults() {
    return new MatchConfig(1, 20, Math.max(1, Runtime.getRuntime().availableProcessors()));
  }

  /** This config with the lens estimate on or off. */
  public MatchConfig withLens(boolean on) {
    return new MatchConfig(searchSamples, minInliers, threads, on, placeOnFrames);
  }

  /** This config with the markers placed on the new run's frames, or read off the warp alone. */
  public MatchConfig withPlacement(boolean onFrames) {
    return new MatchConfig(searchSamples, minInliers, threads, estimateLens, onFrames);
  }

  public MatchConfig validate() {
    if (searchSamples < 1 || searchSamples > 10) {
      throw new IllegalArgumentException("search samples must be 1 to 10, got " + searchSamples);
    }
    if (minInliers < 6 || minInliers > 500) {
      throw new IllegalArgumentException("min inliers must be 6 to 500, got " + minInliers);
    }
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("threads must be 1 to 64, got " + threads);
    }
    return this;
  }
}
