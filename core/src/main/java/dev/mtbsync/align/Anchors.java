package dev.mtbsync.align;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The pins of a run, checked once: sorted by new-run time, and monotone, so that a warp can pass
 * through every one of them. Hard constraints of {@link WarpFitter}: the fitted mapping passes
 * through each pin exactly, and a picture pair that no monotone mapping through the pins could
 * reach (before a pin in the new run but after it in the reference, or the other way round) is an
 * outlier.
 *
 * <p>DESIGN NOTE: pins are exact only to the frame they were placed on, so each carries the
 * uncertainty of half a frame as the half-width of a 90 % interval; away from a pin, the
 * uncertainty it vouches for grows with the distance to it as across a gap without pairs ({@link
 * MonotoneWarp#GAP_SIGMA_PER_SEC}): a pinned stretch is as sure as its nearest pin allows.
 */
public final class Anchors {

  /** No pins: the fit is the pictures' alone. */
  public static final Anchors NONE = new Anchors(List.of(), 1 / 30.0);

  /** z of a two-sided 90 % interval (as the markers' intervals use). */
  private static final double Z90 = 1.645;

  /** Pins closer than this (s) in new-run time are the same moment. */
  private static final double SAME_SEC = 1e-6;

  private final List<Anchor> pins;
  private final double sigmaSec;

  private Anchors(List<Anchor> pins, double frameSec) {
    this.pins = pins;
    this.sigmaSec = 0.5 * frameSec / Z90;
  }

  /**
   * @param pins in any order; repeats of one pin count once
   * @param frameSec one frame (s) of the video the pins were placed on: a pin is exact to half of
   *     it; 1/30 s when unknown
   * @throws AnchorConflictException when two pins are not monotone (naming both)
   */
  public static Anchors of(List<Anchor> pins, double frameSec) {
    if (!(frameSec > 0) || frameSec > 1) {
      throw new IllegalArgumentException("a frame must be 0 to 1 s, got " + frameSec);
    }
    List<Anchor> sorted = new ArrayList<>(pins);
    sorted.sort(Comparator.comparingDouble(Anchor::tNew).thenComparingDouble(Anchor::tRef));
    List<Anchor> kept = new ArrayList<>();
    for (Anchor a : sorted) {
      if (kept.isEmpty()) {
        kept.add(a);
        continue;
      }
      Anchor prev = kept.get(kept.size() - 1);
      boolean sameNew = a.tNew() - prev.tNew() < SAME_SEC;
      if (sameNew && Math.abs(a.tRef() - prev.tRef()) < SAME_SEC) {
        continue; // the same pin twice
      }
      if (sameNew) {
        throw new AnchorConflictException(
            prev, a, "one moment of the new run is pinned to two moments of the reference");
      }
      if (a.tRef() < prev.tRef()) {
        throw new AnchorConflictException(
            prev,
            a,
            "the later moment of the new run is pinned to an earlier moment of the reference");
      }
      kept.add(a);
    }
    return new Anchors(List.copyOf(kept), frameSec);
  }

  /** The pins, sorted by new-run time. */
  public List<Anchor> pins() {
    return pins;
  }

  public boolean isEmpty() {
    return pins.isEmpty();
  }

  public int size() {
    return pins.size();
  }

  /** Standard uncertainty (s, reference time) of the warp at a pin. */
  public double pinSigma() {
    return sigmaSec;
  }

  /**
   * Whether a monotone mapping through every pin can pass within {@code slackSec} of (tNew, tRef):
   * tRef lies between the reference times of the pins either side of tNew, give or take the slack
   * (a pin is off by up to half a frame, and a good pair beside it must not be lost for that).
   */
  public boolean admits(double tNew, double tRef, double slackSec) {
    double[] b = bracket(tNew);
    return tRef >= b[0] - slackSec && tRef <= b[1] + slackSec;
  }

  /** {lowest, highest} reference time a monotone mapping through the pins can give at tNew. */
  double[] bracket(double tNew) {
    double lo = Double.NEGATIVE_INFINITY;
    double hi = Double.POSITIVE_INFINITY;
    for (Anchor a : pins) {
      if (a.tNew() <= tNew) {
        lo = a.tRef();
      }
      if (a.tNew() >= tNew) {
        hi = a.tRef();
        break;
      }
    }
    return new double[] {lo, hi};
  }

  /**
   * Standard uncertainty (s) the pins vouch for at new time t: the nearest pin's, grown with the
   * distance to it; infinite without pins.
   */
  public double sigmaAt(double tNew) {
    double best = Double.POSITIVE_INFINITY;
    for (Anchor a : pins) {
      best = Math.min(best, grown(sigmaSec, Math.abs(tNew - a.tNew())));
    }
    return best;
  }

  /** An uncertainty {@code sigma} known at some point, seen {@code distance} s away. */
  static double grown(double sigma, double distance) {
    return Math.hypot(sigma, 2 * MonotoneWarp.GAP_SIGMA_PER_SEC * distance);
  }
}
