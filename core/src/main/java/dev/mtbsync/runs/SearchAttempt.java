package dev.mtbsync.runs;

import dev.mtbsync.align.Anchors;
import dev.mtbsync.align.WarpFitter;
import dev.mtbsync.features.ScannedVideo;
import dev.mtbsync.match.PairFinder;
import java.util.ArrayList;
import java.util.List;

/**
 * One search for matching moments and the warp fitted to what it verified, and the rule that
 * decides between a GPS-seeded search and the pictures alone.
 *
 * @param found the pairs the search found and verified
 * @param fit the warp fitted to the verified pairs, null when none fits
 * @param problems why the warp fails its gates, or why none fits (empty: it passes)
 */
record SearchAttempt(PairFinder.Result found, WarpFitter.Fit fit, List<String> problems) {

  /**
   * A GPS-seeded search whose warp passes its gates keeps its place only when at least this share
   * of the new samples it tried verified; below it the pictures alone get their turn.
   */
  static final double MIN_SEEDED_VERIFIED_SHARE = 0.6;

  /** Fits the warp to the verified pairs; no warp (with the reason in problems) when none fits. */
  static SearchAttempt fit(PairFinder.Result found, SyncRequest req, ScannedVideo neu) {
    List<String> problems = new ArrayList<>();
    try {
      WarpFitter.Fit fit = WarpFitter.fit(found.verified(), pins(req, neu), req.warp());
      problems.addAll(fit.quality().reasons());
      // a camera difference taken out leaves errors the pairs' scatter hides
      fit = fit.widened(found.camera().sigmaFactor());
      return new SearchAttempt(found, fit, problems);
    } catch (IllegalArgumentException e) {
      problems.add("the runs do not overlap, or show different places: " + e.getMessage());
      return new SearchAttempt(found, null, problems);
    }
  }

  /** Whether a warp was fitted and passes its gates. */
  boolean passes() {
    return fit != null && problems.isEmpty();
  }

  /** Whether the pictures alone should be searched too, this being the GPS-seeded attempt. */
  boolean doubtful() {
    return !(passes() && verifiedShare() >= MIN_SEEDED_VERIFIED_SHARE);
  }

  /**
   * Of a GPS-seeded attempt and one on the pictures alone, the one to keep, with the note saying
   * which and why added to {@code notes}.
   */
  static SearchAttempt choose(SearchAttempt seeded, SearchAttempt alone, List<String> notes) {
    if (alone.beats(seeded)) {
      notes.add(
          "the GPS-seeded search ("
              + seeded.outcome()
              + ") did worse than the pictures alone ("
              + alone.outcome()
              + "): the pictures alone were used");
      return alone;
    }
    notes.add(
        "the GPS-seeded search ("
            + seeded.outcome()
            + ") was kept: the pictures alone did no better");
    return seeded;
  }

  /** Share of the new samples tried that verified. */
  private double verifiedShare() {
    return found.verified().size() / (double) Math.max(1, found.raw().size());
  }

  /** Whether this fit beats the other's: it passes where the other fails, or has more inliers. */
  private boolean beats(SearchAttempt other) {
    if (fit == null || other.fit == null) {
      return fit != null;
    }
    if (problems.isEmpty() != other.problems.isEmpty()) {
      return problems.isEmpty();
    }
    return fit.quality().inliers() > other.fit.quality().inliers();
  }

  /** e.g. "57 of 336 new samples verified, a warp that passes its gates". */
  private String outcome() {
    return found.verified().size()
        + " of "
        + found.raw().size()
        + " new samples verified, "
        + (fit == null
            ? "no warp"
            : problems.isEmpty() ? "a warp that passes its gates" : "a warp that fails its gates");
  }

  /** The request's pins, each exact to half a frame of the new video. */
  private static Anchors pins(SyncRequest req, ScannedVideo neu) {
    double fps = neu.info().fps();
    return Anchors.of(req.anchors(), fps > 0 ? 1 / fps : 1 / 30.0);
  }
}
