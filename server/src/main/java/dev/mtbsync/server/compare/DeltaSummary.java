package dev.mtbsync.server.compare;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How far the new run's own marker times lie from where the warp puts them.
 *
 * @param count markers with both times
 * @param mae mean |delta| (s), null when none
 * @param p90 90th percentile of |delta| (s)
 * @param median median of |delta| (s)
 */
public record DeltaSummary(int count, Double mae, Double p90, Double median) {

  public static DeltaSummary of(List<CompareMarker> markers) {
    double[] d =
        markers.stream()
            .map(CompareMarker::delta)
            .filter(Objects::nonNull)
            .mapToDouble(Math::abs)
            .sorted()
            .toArray();
    if (d.length == 0) {
      return new DeltaSummary(0, null, null, null);
    }
    return new DeltaSummary(
        d.length, Arrays.stream(d).average().orElseThrow(), quantile(d, 0.9), quantile(d, 0.5));
  }

  /** Linear between closest ranks, as the quality reports compute percentiles. */
  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
