package dev.mtbsync.markers;

import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.config.ConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries reference markers over to the new run through the inverse of the time-warp. A marker the
 * new run does not cover, or lands where the warp is unsure, is flagged for review; nothing is
 * extrapolated.
 */
public final class MarkerTransfer {

  public static final double DEFAULT_REVIEW_THRESHOLD = 0.6;

  private MarkerTransfer() {}

  /** z of a two-sided 90 % interval of a normal error: the interval is t_new +- Z90 * sigma. */
  static final double Z90 = 1.645;

  /**
   * Markers carried over without a frame rate: the interval is given, but its width does not flag
   * review.
   *
   * @param reviewThreshold markers whose confidence is below this are flagged, 0 to 1
   */
  public static List<NewMarker> transfer(
      List<RefMarker> markers, MonotoneWarp warp, double reviewThreshold) {
    return transfer(markers, warp, reviewThreshold, Double.NaN);
  }

  /**
   * Refuses a review threshold outside 0 to 1.
   *
   * @throws ConfigException when it is out of range
   */
  public static double checkReviewThreshold(double reviewThreshold) {
    ConfigException.require(
        reviewThreshold >= 0 && reviewThreshold <= 1,
        "review threshold",
        "must be 0 to 1, got " + reviewThreshold);
    return reviewThreshold;
  }

  /**
   * @param reviewThreshold markers whose confidence is below this are flagged, 0 to 1
   * @param frameSec one frame of the new video (s): a marker whose 90 % interval is wider than
   *     {@link #REVIEW_FRAMES} frames is flagged; NaN to flag by confidence alone
   */
  public static List<NewMarker> transfer(
      List<RefMarker> markers, MonotoneWarp warp, double reviewThreshold, double frameSec) {
    checkReviewThreshold(reviewThreshold);
    List<NewMarker> out = new ArrayList<>();
    for (RefMarker m : markers) {
      double tNew = warp.inverse(m.tRef());
      if (Double.isNaN(tNew)) {
        out.add(
            new NewMarker(
                m.name(),
                m.tRef(),
                Double.NaN,
                0,
                true,
                m.colour(),
                note(m.comment(), "not in the new run's covered range")));
        continue;
      }
      double conf = warp.confidenceAt(tNew);
      // the mapping's uncertainty is in reference seconds; through the inverse it shrinks or grows
      // with the slope (a rider twice as slow spreads one reference second over two)
      double half = Z90 * warp.sigmaAt(tNew) / Math.max(0.05, warp.slopeAt(tNew));
      out.add(
          withInterval(
              m.name(),
              m.tRef(),
              tNew,
              half,
              conf,
              m.colour(),
              m.comment(),
              reviewThreshold,
              frameSec));
    }
    return out;
  }

  /**
   * The marker placed on the new run's frames at {@code tNew} with a standard error of {@code
   * errorSec}, its 90 % interval and review flag made as {@link #transfer} makes them.
   */
  public static NewMarker placed(
      NewMarker m, double tNew, double errorSec, double reviewThreshold, double frameSec) {
    return withInterval(
        m.name(),
        m.tRef(),
        tNew,
        Z90 * errorSec,
        m.confidence(),
        m.colour(),
        withoutReviewNote(m.comment()),
        reviewThreshold,
        frameSec);
  }

  /**
   * A marker at {@code tNew} with the 90 % interval {@code +-half} (half a frame added: a frame
   * lasts 1/fps, and no picture places a moment closer than half of one), flagged for low
   * confidence or an interval wider than {@link #REVIEW_FRAMES} frames.
   */
  private static NewMarker withInterval(
      String name,
      double tRef,
      double tNew,
      double half,
      double conf,
      String colour,
      String comment,
      double reviewThreshold,
      double frameSec) {
    if (frameSec > 0) {
      half = Math.hypot(half, 0.5 * frameSec);
    }
    double lo = Math.max(0, tNew - half);
    double hi = tNew + half;
    String why = null;
    if (conf < reviewThreshold) {
      why = "low confidence";
    } else if (frameSec > 0 && hi - lo > REVIEW_FRAMES * frameSec) {
      why =
          String.format(
              java.util.Locale.ROOT,
              "uncertain by +-%.0f ms (%.1f frames)",
              half * 1000,
              half / frameSec);
    }
    return new NewMarker(
        name,
        tRef,
        tNew,
        lo,
        hi,
        conf,
        why != null,
        colour,
        why != null ? note(comment, why) : comment);
  }

  /** A marker whose 90 % interval is wider than this many frames of the new video is flagged. */
  public static final double REVIEW_FRAMES = 3;

  /**
   * A comment less the review note {@link #transfer} added to it ({@code "review: why"} alone, or
   * {@code "comment (review: why)"}): the reference marker's own comment, for carrying it over
   * anew.
   */
  public static String withoutReviewNote(String comment) {
    if (comment == null) {
      return "";
    }
    if (comment.startsWith("review: ")) {
      return "";
    }
    int at = comment.lastIndexOf(" (review: ");
    return at >= 0 && comment.endsWith(")") ? comment.substring(0, at) : comment;
  }

  private static String note(String comment, String why) {
    return comment == null || comment.isBlank()
        ? "review: " + why
        : comment + " (review: " + why + ")";
  }
}
