package dev.mtbsync.gps;

import dev.mtbsync.align.MonotoneWarp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one plain line a rider reads about a run: the sector that cost the most time and where the
 * new run stood still, e.g. {@code lost most in Step-down 1: +3.19 s; stopped about 1.6 s at 10.3
 * s}. The sync summary and the run's page print the same line.
 *
 * <p>A stop is a stretch of the new video where its rider stands still: the warp (new time to
 * reference time) is flat there, because many new moments show the one place. It is found where the
 * warp's slope stays below {@link #STILL_SLOPE} for at least {@link #MIN_STOP_SEC}.
 *
 * <p>DESIGN NOTE: the slope, not the delta curve: the curve is sampled every 0.5 s of reference
 * time, so a stop is one jump between two of its points, while the warp shows where it begins and
 * how long it lasts in the new video's own seconds, which is where a rider looks for it. Stretches
 * touching either end of the warp's range are left out: there the fit leans on one side's pairs
 * only, and a rider waiting at the start gate is not a stop on the trail.
 *
 * @param worst the gate closing the sector that cost the most time ({@link TimeGap#worstSector}),
 *     null when no sector lost any
 * @param timed the run has at least two gates, so its sectors were compared
 * @param stops where the new run stood still, in new-video order
 */
public record RunRecap(Splits.Gate worst, boolean timed, List<Stop> stops) {

  /** Below this slope (reference seconds per new second) the new rider counts as standing. */
  public static final double STILL_SLOPE = 0.25;

  /** A stop lasts at least this long (s of new video). */
  public static final double MIN_STOP_SEC = 0.8;

  /** Spacing (s of new video) at which the warp's slope is read. */
  private static final double STEP_SEC = 0.05;

  /** Stops named in the line; a run with more says how many others. */
  private static final int STOPS_NAMED = 3;

  /**
   * One stop.
   *
   * @param atSec new-video time where the rider stops (s)
   * @param seconds how long the rider stands (s of new video)
   */
  public record Stop(double atSec, double seconds) {}

  public RunRecap {
    stops = List.copyOf(stops);
  }

  /**
   * The recap of a run.
   *
   * @param gates the split gates in trail order (may be empty)
   * @param warp the fitted warp, or null when the sync fitted none (then no stops are looked for)
   */
  public static RunRecap of(List<Splits.Gate> gates, MonotoneWarp warp) {
    return new RunRecap(TimeGap.worstSector(gates), gates.size() >= 2, stops(warp));
  }

  /** Where the warp stays flat for {@link #MIN_STOP_SEC} or more, away from its ends. */
  static List<Stop> stops(MonotoneWarp warp) {
    List<Stop> out = new ArrayList<>();
    if (warp == null) {
      return out;
    }
    double from = warp.validFrom();
    double to = warp.validTo();
    int n = (int) Math.floor((to - from) / STEP_SEC);
    int start = -1;
    for (int i = 0; i <= n; i++) {
      boolean still = false;
      if (i < n) {
        double t = from + i * STEP_SEC;
        still = (warp.map(t + STEP_SEC) - warp.map(t)) / STEP_SEC < STILL_SLOPE;
      }
      if (still && start < 0) {
        start = i;
      } else if (!still && start >= 0) {
        double length = (i - start) * STEP_SEC;
        boolean atAnEnd = start == 0 || i == n;
        if (length >= MIN_STOP_SEC - 1e-9 && !atAnEnd) {
          out.add(new Stop(from + start * STEP_SEC, length));
        }
        start = -1;
      }
    }
    return out;
  }

  /**
   * The line: {@code lost most in NAME: +3.19 s; stopped about 1.6 s at 10.3 s}, or {@code nothing
   * notable: no sector lost time, no stops} when there is neither.
   */
  public String line() {
    List<String> parts = new ArrayList<>();
    if (worst != null) {
      parts.add(
          String.format(
              Locale.ROOT, "lost most in %s: %+.2f s", worst.name(), worst.sectorDeltaSec()));
    }
    for (Stop s : stops.subList(0, Math.min(STOPS_NAMED, stops.size()))) {
      parts.add(
          String.format(Locale.ROOT, "stopped about %.1f s at %.1f s", s.seconds(), s.atSec()));
    }
    if (stops.size() > STOPS_NAMED) {
      parts.add((stops.size() - STOPS_NAMED) + " more stops");
    }
    if (parts.isEmpty()) {
      return timed
          ? "nothing notable: no sector lost time, no stops"
          : "nothing notable: no stops (no split times to compare sectors)";
    }
    return String.join("; ", parts);
  }
}
