package dev.mtbsync.server.pages;

import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.quality.StrictCriteria;

/**
 * How the page colours a warp's quality figures, by the engine's own limits rather than copies of
 * them: good where {@code benchmark-quality}'s strict criteria ({@link StrictCriteria#DEFAULT}) are
 * met, warn where only the sync's own gate ({@link WarpConfig#DEFAULT}) is.
 */
final class Tones {

  private Tones() {}

  /** A P90 residual (s): good within the strict limit (the sync's P90 gate), else bad. */
  static String p90(Double p90Sec) {
    if (p90Sec == null) {
      return "";
    }
    return p90Sec <= StrictCriteria.DEFAULT.maxP90Sec() ? "good" : "bad";
  }

  /** An inlier fraction: good at the strict share, warn at the sync's gate, bad below it. */
  static String inliers(Double fraction) {
    if (fraction == null) {
      return "";
    }
    if (fraction >= StrictCriteria.DEFAULT.minInlierFrac()) {
      return "good";
    }
    return fraction >= WarpConfig.DEFAULT.minInlierFrac() ? "warn" : "bad";
  }
}
