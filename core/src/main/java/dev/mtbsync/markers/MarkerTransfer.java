package dev.mtbsync.markers;

import dev.mtbsync.align.MonotoneWarp;
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

  /**
   * @param reviewThreshold markers whose confidence is below this are flagged, 0 to 1
   */
  public static List<NewMarker> transfer(
      List<RefMarker> markers, MonotoneWarp warp, double reviewThreshold) {
    if (!(reviewThreshold >= 0 && reviewThreshold <= 1)) {
      throw new IllegalArgumentException("review threshold must be 0 to 1, got " + reviewThreshold);
    }
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
      boolean review = conf < reviewThreshold;
      out.add(
          new NewMarker(
              m.name(),
              m.tRef(),
              tNew,
              conf,
              review,
              m.colour(),
              review ? note(m.comment(), "low confidence") : m.comment()));
    }
    return out;
  }

  private static String note(String comment, String why) {
    return comment == null || comment.isBlank()
        ? "review: " + why
        : comment + " (review: " + why + ")";
  }
}
