package dev.mtbsync.match;

/**
 * How pairs are found. Checked once by {@link #validate()}.
 *
 * @param searchSamples reference samples either side of the coarse path that ORB verifies, 1 to 10
 * @param minInliers RANSAC inliers a pair needs, 6 to 500
 * @param threads worker threads, 1 to 64
 */
public record MatchConfig(int searchSamples, int minInliers, int threads)
    implements java.io.Serializable { // shipped to Spark workers

  public static MatchConfig defaults() {
    return new MatchConfig(1, 20, Math.max(1, Runtime.getRuntime().availableProcessors()));
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
