package dev.mtbsync.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StatsTest {

  /** The interpolated percentile the engine wrote by hand before (WarpFitter, Benchmark). */
  private static double handWritten(double[] values, double q) {
    double[] v = values.clone();
    Arrays.sort(v);
    double pos = q * (v.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, v.length - 1);
    return v[lo] + (pos - lo) * (v[hi] - v[lo]);
  }

  @Test
  void percentilesInterpolateBetweenTheClosestRanks() {
    double[] v = {4, 1, 3, 2};
    assertThat(Stats.median(v)).isEqualTo(2.5);
    assertThat(Stats.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
    assertThat(Stats.percentile(v, 90)).isCloseTo(3.7, within(1e-12));
    assertThat(Stats.percentile(v, 100)).isEqualTo(4);
    assertThat(Stats.percentile(v, 0)).isEqualTo(1);
    assertThat(v).containsExactly(4, 1, 3, 2); // the caller's order is kept
    assertThat(Stats.median(new double[0])).isNaN();
    assertThat(Stats.median(new double[] {Double.NaN, 2, 4})).isEqualTo(3);
  }

  /**
   * The library's type-7 percentile is the hand-written one: the median to the bit, the P90 and P95
   * of timewarp.json (written to 6 decimals) to within 1e-13 of the value.
   */
  @Test
  void theLibraryPercentileMatchesTheOldDefinition() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int trial = 0; trial < 2000; trial++) {
      double[] v = new double[1 + rng.nextInt(300)];
      for (int i = 0; i < v.length; i++) {
        v[i] = rng.nextDouble() * 3;
      }
      assertThat(Stats.median(v)).isEqualTo(handWritten(v, 0.5));
      for (double q : new double[] {0.9, 0.95}) {
        double old = handWritten(v, q);
        assertThat(Stats.percentile(v, 100 * q)).isCloseTo(old, within(1e-13 * Math.max(1, old)));
      }
    }
  }

  @Test
  void theOlderDefinitionsKeepTheirNumbers() {
    double[] even = {4, 1, 3, 2};
    assertThat(Stats.upperMedian(even)).isEqualTo(3); // s[n / 2]
    assertThat(Stats.upperMedian(new double[] {9, 7, 8})).isEqualTo(8);
    assertThat(Stats.upperMedian(new double[] {Double.NaN})).isNaN();
    double[] ten = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    assertThat(Stats.lowerPercentile(ten, 90)).isEqualTo(9); // s[floor(0.9 * 9)] = s[8]
    assertThat(Stats.lowerPercentile(ten, 50)).isEqualTo(5);
    assertThat(ten[0]).isEqualTo(10);
  }
}
