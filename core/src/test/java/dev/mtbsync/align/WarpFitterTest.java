package dev.mtbsync.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mtbsync.match.TimePair;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Fits pairs drawn from a known non-linear warp, with noise and outliers. */
class WarpFitterTest {

  /** A rider who varies pace between 0.75x and 1.25x of the reference, offset by 3 s. */
  private static double truth(double t) {
    return 3 + t + 0.25 * 20 / (2 * Math.PI) * (1 - Math.cos(2 * Math.PI * t / 20));
  }

  private static List<TimePair> pairs(long seed, double noiseSec, double outlierShare) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<TimePair> pairs = new ArrayList<>();
    for (double t = 0; t <= 60; t += 1 / 3.0) {
      double r = truth(t) + noiseSec * (2 * rng.nextDouble() - 1);
      if (rng.nextDouble() < outlierShare) {
        r = truth(t) + (rng.nextBoolean() ? 1 : -1) * (1 + 10 * rng.nextDouble());
      }
      pairs.add(new TimePair(t, r, 0.9, 90));
    }
    return pairs;
  }

  @Test
  void recoversANonLinearWarpDespiteOutliers() {
    WarpFitter.Fit fit = WarpFitter.fit(pairs(1, 0.02, 0.2), WarpConfig.DEFAULT);
    assertThat(fit.warp().validFrom()).isLessThan(0.5);
    assertThat(fit.warp().validTo()).isGreaterThan(59.0);
    for (double t = fit.warp().validFrom(); t <= fit.warp().validTo(); t += 0.1) {
      assertThat(fit.warp().map(t)).as("t=%.1f", t).isCloseTo(truth(t), within(0.04));
    }
    assertThat(fit.quality().inlierFrac()).isBetween(0.7, 0.9);
    assertThat(fit.quality().ok()).isTrue();
    assertThat(fit.quality().p90()).isLessThan(0.03);
  }

  @Test
  void followsBriskChangesOfPaceWithoutCuttingCorners() {
    // pace swings between 0.7x and 1.3x every 6 s: a local line through +-1 s would be off by
    // up to curvature / 6 = 52 ms at the turns
    double period = 6;
    java.util.function.DoubleUnaryOperator brisk =
        t -> t + 0.3 * period / (2 * Math.PI) * (1 - Math.cos(2 * Math.PI * t / period));
    List<TimePair> pairs = new ArrayList<>();
    for (double t = 0; t <= 60; t += 1 / 6.0) {
      pairs.add(new TimePair(t, brisk.applyAsDouble(t), 0.9, 90));
    }
    MonotoneWarp warp = WarpFitter.fit(pairs, WarpConfig.DEFAULT).warp();
    for (double t = 2; t <= 58; t += 0.05) {
      assertThat(warp.map(t)).as("t=%.2f", t).isCloseTo(brisk.applyAsDouble(t), within(0.008));
    }
  }

  @Test
  void flagsEveryGrossOutlier() {
    WarpFitter.Fit fit = WarpFitter.fit(pairs(2, 0.02, 0.2), WarpConfig.DEFAULT);
    for (int i = 0; i < fit.pairs().size(); i++) {
      TimePair p = fit.pairs().get(i);
      boolean gross = Math.abs(p.tRef() - truth(p.tNew())) > 0.5;
      if (gross) {
        assertThat(fit.inlier()[i]).as("outlier at t=%.2f", p.tNew()).isFalse();
      }
    }
  }

  @Test
  void mappingIsMonotoneAndItsInverseMatches() {
    WarpFitter.Fit fit = WarpFitter.fit(pairs(3, 0.05, 0.1), WarpConfig.DEFAULT);
    MonotoneWarp w = fit.warp();
    double last = Double.NEGATIVE_INFINITY;
    for (double t = w.validFrom(); t <= w.validTo(); t += 0.01) {
      assertThat(w.map(t)).isGreaterThanOrEqualTo(last);
      last = w.map(t);
      assertThat(w.inverse(w.map(t))).isCloseTo(t, within(1e-6));
    }
  }

  @Test
  void gatesSayWhyTheyFail() {
    List<TimePair> pairs = pairs(4, 0.02, 0.2);
    double ppm = WarpFitter.fit(pairs, WarpConfig.DEFAULT).quality().ppm();
    WarpConfig strict = new WarpConfig(2.0, 0.3, 0.95, 500, Math.abs(ppm) / 2, 1.0);
    WarpFitter.Fit fit = WarpFitter.fit(pairs, strict);
    assertThat(fit.quality().ok()).isFalse();
    assertThat(fit.quality().reasons())
        .anySatisfy(r -> assertThat(r).startsWith("inlier fraction"))
        .anySatisfy(r -> assertThat(r).startsWith("|ppm|"));
  }

  @Test
  void tooFewPairsIsAClearError() {
    assertThatThrownBy(() -> WarpFitter.fit(List.of(new TimePair(1, 2, 1, 50)), WarpConfig.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("too few matching moments");
  }

  @Test
  void isotonicRegressionPoolsViolators() {
    List<TimePair> p =
        List.of(
            new TimePair(0, 1, 1, 1),
            new TimePair(1, 3, 1, 1),
            new TimePair(2, 2, 1, 1),
            new TimePair(3, 4, 1, 1));
    assertThat(WarpFitter.isotonic(p)).containsExactly(1, 2.5, 2.5, 4);
  }
}
