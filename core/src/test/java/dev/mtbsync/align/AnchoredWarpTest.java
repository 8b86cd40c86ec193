package dev.mtbsync.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mtbsync.match.TimePair;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A warp broken in one 5 s stretch (the pictures there matched a look-alike stretch 8 s earlier in
 * the reference) is repaired by two pins placed on frames at the stretch's ends.
 */
class AnchoredWarpTest {

  private static final double FRAME = 1 / 30.0;
  private static final double BROKEN_FROM = 24;
  private static final double BROKEN_TO = 29;

  /** A rider who varies pace between 0.75x and 1.25x of the reference, offset by 3 s. */
  private static double truth(double t) {
    return 3 + t + 0.25 * 20 / (2 * Math.PI) * (1 - Math.cos(2 * Math.PI * t / 20));
  }

  /** New time at which the truth reaches reference time r (bisection: the truth is monotone). */
  private static double truthInverse(double r) {
    double lo = -10;
    double hi = 100;
    for (int i = 0; i < 80; i++) {
      double mid = (lo + hi) / 2;
      if (truth(mid) < r) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  private static List<TimePair> brokenPairs() {
    SplittableRandom rng = new SplittableRandom(21);
    List<TimePair> pairs = new ArrayList<>();
    for (double t = 0; t <= 60; t += 1 / 3.0) {
      double r = truth(t) + 0.01 * (2 * rng.nextDouble() - 1);
      if (t > BROKEN_FROM && t < BROKEN_TO) {
        r -= 8; // a look-alike stretch: consistent with itself, wrong by 8 s
      }
      pairs.add(new TimePair(t, r, 0.9, 90));
    }
    return pairs;
  }

  /** A pin as a rider places it: both videos stopped on a frame. */
  private static Anchor pinAt(double tNew, String note) {
    double onFrame = Math.round(tNew / FRAME) * FRAME;
    return new Anchor(onFrame, Math.round(truth(onFrame) / FRAME) * FRAME, note);
  }

  private static Anchors twoPins() {
    return Anchors.of(List.of(pinAt(BROKEN_TO, "exit"), pinAt(BROKEN_FROM, "entry")), FRAME);
  }

  /** Worst error (s, new time) of markers placed every 0.25 s of the reference in the stretch. */
  private static double worstMarkerError(MonotoneWarp warp) {
    double worst = 0;
    for (double r = truth(BROKEN_FROM); r <= truth(BROKEN_TO); r += 0.25) {
      worst = Math.max(worst, Math.abs(warp.inverse(r) - truthInverse(r)));
    }
    return worst;
  }

  @Test
  void withoutPinsTheLookAlikeStretchBreaksTheWarp() {
    MonotoneWarp warp = WarpFitter.fit(brokenPairs(), WarpConfig.DEFAULT).warp();
    assertThat(worstMarkerError(warp)).isGreaterThan(1.0);
  }

  @Test
  void twoPinsRepairTheStretchToWithinAFrame() {
    WarpFitter.Fit fit = WarpFitter.fit(brokenPairs(), twoPins(), WarpConfig.DEFAULT);
    assertThat(worstMarkerError(fit.warp())).isLessThan(FRAME);
    // and the pictures elsewhere are used as before
    for (double t = 1; t <= 59; t += 0.1) {
      if (t < BROKEN_FROM - 1 || t > BROKEN_TO + 1) {
        assertThat(fit.warp().map(t)).as("t=%.1f", t).isCloseTo(truth(t), within(0.02));
      }
    }
    for (int i = 0; i < fit.pairs().size(); i++) {
      double t = fit.pairs().get(i).tNew();
      if (t > BROKEN_FROM + 0.01 && t < BROKEN_TO - 0.01) {
        assertThat(fit.inlier()[i]).as("look-alike pair at t=%.2f", t).isFalse();
      }
    }
  }

  @Test
  void theWarpPassesThroughEveryPinExactlyAndStaysMonotone() {
    Anchors pins = twoPins();
    MonotoneWarp warp = WarpFitter.fit(brokenPairs(), pins, WarpConfig.DEFAULT).warp();
    for (Anchor a : pins.pins()) {
      assertThat(warp.map(a.tNew())).as(a.describe()).isCloseTo(a.tRef(), within(1e-9));
    }
    double last = Double.NEGATIVE_INFINITY;
    for (double t = warp.validFrom(); t <= warp.validTo(); t += 0.01) {
      assertThat(warp.map(t)).isGreaterThanOrEqualTo(last);
      last = warp.map(t);
    }
  }

  @Test
  void aPinIsExactToHalfAFrameAndThePinnedStretchTakesItsUncertaintyFromThePins() {
    Anchors pins = twoPins();
    MonotoneWarp warp = WarpFitter.fit(brokenPairs(), pins, WarpConfig.DEFAULT).warp();
    Anchor entry = pins.pins().get(0);
    assertThat(1.645 * warp.sigmaAt(entry.tNew())).isCloseTo(FRAME / 2, within(1e-9));
    double middle = (BROKEN_FROM + BROKEN_TO) / 2;
    // 2.5 s from either pin: a tenth of the distance, as across any gap without pairs
    assertThat(warp.sigmaAt(middle)).isCloseTo(0.25, within(0.01));
    assertThat(warp.sigmaAt(BROKEN_FROM + 0.5)).isLessThan(warp.sigmaAt(middle));
  }

  @Test
  void pinsThatRunBackwardsAreRefusedNamingBoth() {
    Anchor early = new Anchor(10, 14, "berm");
    Anchor late = new Anchor(12, 13, "drop");
    assertThatThrownBy(() -> Anchors.of(List.of(early, late), FRAME))
        .isInstanceOf(AnchorConflictException.class)
        .hasMessageContaining("pin 'berm' (new 10.000 s = ref 14.000 s)")
        .hasMessageContaining("pin 'drop' (new 12.000 s = ref 13.000 s)")
        .hasMessageContaining("earlier moment of the reference");
  }

  @Test
  void oneMomentPinnedTwiceIsRefusedButTheSamePinTwiceIsOne() {
    assertThatThrownBy(() -> Anchors.of(List.of(new Anchor(5, 8, ""), new Anchor(5, 9, "")), FRAME))
        .isInstanceOf(AnchorConflictException.class)
        .hasMessageContaining("two moments of the reference");
    assertThat(Anchors.of(List.of(new Anchor(5, 8, "a"), new Anchor(5, 8, "b")), FRAME).size())
        .isEqualTo(1);
  }

  @Test
  void withoutPinsTheFitIsUnchanged() {
    List<TimePair> pairs = brokenPairs();
    MonotoneWarp a = WarpFitter.fit(pairs, WarpConfig.DEFAULT).warp();
    MonotoneWarp b = WarpFitter.fit(pairs, Anchors.NONE, WarpConfig.DEFAULT).warp();
    assertThat(b.tRef()).containsExactly(a.tRef());
    assertThat(b.sigma()).containsExactly(a.sigma());
  }
}
