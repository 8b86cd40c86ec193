package dev.mtbsync.synth;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The ground truth: for each moment of the new run, the moment of the reference run at the same
 * place. Non-decreasing (strictly increasing except during an optional stop, where the new rider
 * stands still and many new times map to one reference time).
 *
 * <p>The new rider's pace relative to the reference varies smoothly between about 0.7x and 1.3x;
 * the new recording starts 1 to 4 s earlier or later and ends 1 to 4 s earlier or later than the
 * reference (scaled down on runs shorter than 30 s). Tabulated at {@link #STEP_SEC} and linearly
 * interpolated, which is far finer than any frame.
 */
final class TrueWarp {

  static final double STEP_SEC = 2e-3;
  private static final double EASE_SEC = 0.8;

  private final double[] tRef;
  private final double stopStart;
  private final double stopEnd;

  TrueWarp(SplittableRandom rng, double refDurationSec) {
    // 1 to 4 s on a run of 30 s or more; proportionally less on shorter ones, so they overlap
    double span = Math.min(1, refDurationSec / 30);
    double startOffset = (rng.nextBoolean() ? 1 : -1) * (1 + 3 * rng.nextDouble()) * span;
    double endOffset = (rng.nextBoolean() ? 1 : -1) * (1 + 3 * rng.nextDouble()) * span;
    Wave pace = new Wave(rng, new double[] {23, 7.5}, new double[] {0.2, 0.1});
    boolean stops = rng.nextDouble() < 0.5;
    double stopAt = stops ? refDurationSec * (0.35 + 0.3 * rng.nextDouble()) : Double.NaN;
    double stopLength = 1 + rng.nextDouble();
    double target = refDurationSec + endOffset;

    // slowest pace is 0.7x, plus a stop of up to 2 s and up to 8 s of offsets
    int capacity = (int) Math.ceil((1.5 * refDurationSec + 14) / STEP_SEC);
    double[] table = new double[capacity];
    table[0] = startOffset;
    int n = 1;
    while (table[n - 1] < target && n < capacity) {
      double t = (n - 1) * STEP_SEC;
      double rate = (1 + pace.at(t)) * stopFactor(t, stopAt, stopLength);
      table[n] = table[n - 1] + rate * STEP_SEC;
      n++;
    }
    tRef = Arrays.copyOf(table, n);
    stopStart = stopAt;
    stopEnd = stops ? stopAt + stopLength : Double.NaN;
  }

  /**
   * Pace factor around a stop at new time {@code at}: eases from 1 to 0 over {@link #EASE_SEC},
   * holds 0 for {@code length} seconds, eases back to 1. Always 1 when {@code at} is NaN.
   */
  private static double stopFactor(double t, double at, double length) {
    if (Double.isNaN(at) || t < at - EASE_SEC || t > at + length + EASE_SEC) {
      return 1;
    }
    if (t >= at && t <= at + length) {
      return 0;
    }
    double x = t < at ? (at - t) / EASE_SEC : (t - at - length) / EASE_SEC;
    return x * x * (3 - 2 * x);
  }

  /** Reference time (s) at new time {@code tNew} (s), extrapolated linearly outside the table. */
  double refTimeAt(double tNew) {
    double pos = tNew / STEP_SEC;
    int i = (int) Math.floor(pos);
    if (i < 0) {
      return tRef[0] + tNew * (tRef[1] - tRef[0]) / STEP_SEC;
    }
    if (i >= tRef.length - 1) {
      int last = tRef.length - 1;
      return tRef[last] + (tNew - last * STEP_SEC) * (tRef[last] - tRef[last - 1]) / STEP_SEC;
    }
    double f = pos - i;
    return tRef[i] + f * (tRef[i + 1] - tRef[i]);
  }

  /**
   * First new time (s) at which the new rider reaches reference time {@code t}, or NaN when the new
   * recording does not cover it.
   */
  double firstNewTimeAt(double t) {
    if (t < tRef[0] || t > tRef[tRef.length - 1]) {
      return Double.NaN;
    }
    int lo = 0;
    int hi = tRef.length - 1;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (tRef[mid] < t) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double span = tRef[hi] - tRef[lo];
    double f = span > 0 ? (t - tRef[lo]) / span : 0;
    return (lo + f) * STEP_SEC;
  }

  /** Length of the new recording in seconds. */
  double newDurationSec() {
    return (tRef.length - 1) * STEP_SEC;
  }

  /** New time (s) where the stop begins, or NaN when this run does not stop. */
  double stopStartSec() {
    return stopStart;
  }

  /** New time (s) where the stop ends, or NaN when this run does not stop. */
  double stopEndSec() {
    return stopEnd;
  }
}
