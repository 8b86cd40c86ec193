package dev.mtbsync.gps;

import java.util.ArrayList;
import java.util.List;

/**
 * Drops fixes a rider cannot have made: those the receiver marks as without a fix or imprecise,
 * those that leave the line of their neighbours by more than a rider's braking or cornering
 * explains (an acceleration gate), and those reached faster than a rider rides (a speed gate).
 *
 * <p>DESIGN NOTE: the acceleration gate compares each fix with the straight line through its
 * neighbours within {@value #WINDOW_SEC} s rather than differencing speeds: at 18 fixes a second
 * (GoPro), half a metre of jitter already reads as hundreds of m/s², while a fix thrown 30 m off
 * the line stands out at any rate.
 */
final class FixFilter {

  /** Fastest plausible riding speed, m/s (108 km/h: beyond the fastest downhill racers). */
  static final double MAX_SPEED = 30;

  /** Hardest plausible acceleration, m/s² (braking at 1 g). */
  static final double MAX_ACCEL = 10;

  /** Worst DOP still used (GoPro calls below 5 good). */
  static final double MAX_DOP = 5;

  /** Neighbours within this many seconds either side judge a fix. */
  static final double WINDOW_SEC = 2.5;

  /** Ordinary receiver error, m, allowed on top of the acceleration. */
  static final double NOISE_M = 8;

  /** Why fixes were dropped, counted. */
  record Dropped(int noFix, int imprecise, int repeatedTime, int offLine, int tooFast) {
    int total() {
      return noFix + imprecise + repeatedTime + offLine + tooFast;
    }

    /** e.g. "3 without a fix, 2 off the line of their neighbours"; empty when none. */
    String describe() {
      List<String> parts = new ArrayList<>();
      add(parts, noFix, "without a fix");
      add(parts, imprecise, "imprecise (DOP above " + (int) MAX_DOP + ")");
      add(parts, repeatedTime, "with a repeated time");
      add(parts, offLine, "off the line of their neighbours");
      add(parts, tooFast, "reached faster than " + (int) MAX_SPEED + " m/s");
      return String.join(", ", parts);
    }

    private static void add(List<String> parts, int n, String what) {
      if (n > 0) {
        parts.add(n + " " + what);
      }
    }
  }

  /** Fixes kept, as times (s) and local positions (m), plus what was dropped. */
  record Kept(double[] t, double[] east, double[] north, double[] dop, Dropped dropped) {}

  private FixFilter() {}

  /**
   * @param t fix times (s), non-decreasing
   * @param east east (m)
   * @param north north (m)
   * @param dop DOP of each fix, NaN unknown
   * @param fix fix type of each fix ({@link TrackPoint#FIX_UNKNOWN} unknown)
   */
  static Kept apply(double[] t, double[] east, double[] north, double[] dop, int[] fix) {
    int n = t.length;
    boolean[] keep = new boolean[n];
    int noFix = 0;
    int imprecise = 0;
    int repeated = 0;
    double last = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      if (fix[i] == TrackPoint.FIX_NONE || fix[i] == 1) {
        noFix++;
      } else if (dop[i] > MAX_DOP) {
        imprecise++;
      } else if (!(t[i] > last)) {
        repeated++;
      } else {
        keep[i] = true;
        last = t[i];
      }
    }
    int offLine = offLine(t, east, north, keep);
    int tooFast = tooFast(t, east, north, keep);
    int m = 0;
    for (boolean k : keep) {
      m += k ? 1 : 0;
    }
    double[][] out = new double[4][m];
    for (int i = 0, j = 0; i < n; i++) {
      if (keep[i]) {
        out[0][j] = t[i];
        out[1][j] = east[i];
        out[2][j] = north[i];
        out[3][j] = dop[i];
        j++;
      }
    }
    return new Kept(
        out[0], out[1], out[2], out[3], new Dropped(noFix, imprecise, repeated, offLine, tooFast));
  }

  /**
   * The acceleration gate: drops fixes further from the least-squares line through their kept
   * neighbours than {@code MAX_ACCEL * h² / 2 + NOISE_M}, h being the time to the furthest
   * neighbour. A wild fix also throws its neighbours off their lines, so only the worst fix of each
   * neighbourhood goes in one pass, and passes repeat until none is left (at most five).
   */
  private static int offLine(double[] t, double[] e, double[] nn, boolean[] keep) {
    int dropped = 0;
    double[] excess = new double[t.length];
    for (int pass = 0; pass < 5; pass++) {
      for (int i = 0; i < t.length; i++) {
        excess[i] = keep[i] ? lineExcess(t, e, nn, keep, i) : 0;
      }
      List<Integer> worst = new ArrayList<>();
      for (int i = 0; i < t.length; i++) {
        if (excess[i] > 0 && worstAround(excess, t, i)) {
          worst.add(i);
        }
      }
      if (worst.isEmpty()) {
        break;
      }
      for (int i : worst) {
        keep[i] = false;
        dropped++;
      }
    }
    return dropped;
  }

  /** Whether fix i is off its line by more than any fix within two windows of it. */
  private static boolean worstAround(double[] excess, double[] t, int i) {
    for (int j = i - 1; j >= 0 && t[i] - t[j] <= 2 * WINDOW_SEC; j--) {
      if (excess[j] > excess[i]) {
        return false;
      }
    }
    for (int j = i + 1; j < t.length && t[j] - t[i] <= 2 * WINDOW_SEC; j++) {
      if (excess[j] >= excess[i]) {
        return false;
      }
    }
    return true;
  }

  /** How far (m) fix i lies beyond what its neighbours' line allows; 0 or less when fine. */
  private static double lineExcess(double[] t, double[] e, double[] nn, boolean[] keep, int i) {
    double st = 0;
    double stt = 0;
    double se = 0;
    double ste = 0;
    double sn = 0;
    double stn = 0;
    int count = 0;
    double h = 0;
    int from = i;
    while (from > 0 && t[i] - t[from - 1] <= WINDOW_SEC) {
      from--;
    }
    for (int j = from; j < t.length && t[j] - t[i] <= WINDOW_SEC; j++) {
      if (j != i && keep[j]) {
        double dt = t[j] - t[i];
        st += dt;
        stt += dt * dt;
        se += e[j];
        ste += dt * e[j];
        sn += nn[j];
        stn += dt * nn[j];
        count++;
        h = Math.max(h, Math.abs(dt));
      }
    }
    if (count < 2) {
      return 0; // nothing to judge by
    }
    double det = count * stt - st * st;
    double pe;
    double pn;
    if (det < 1e-9) {
      pe = se / count;
      pn = sn / count;
    } else {
      // the line's value at dt = 0, i.e. at fix i's time
      pe = (stt * se - st * ste) / det;
      pn = (stt * sn - st * stn) / det;
    }
    double off = Math.hypot(e[i] - pe, nn[i] - pn);
    return off - (0.5 * MAX_ACCEL * h * h + NOISE_M);
  }

  /** The speed gate: a fix reached from the last kept one faster than MAX_SPEED is dropped. */
  private static int tooFast(double[] t, double[] e, double[] nn, boolean[] keep) {
    int dropped = 0;
    int prev = -1;
    for (int i = 0; i < t.length; i++) {
      if (!keep[i]) {
        continue;
      }
      if (prev >= 0) {
        double d = Math.hypot(e[i] - e[prev], nn[i] - nn[prev]);
        if (d > MAX_SPEED * (t[i] - t[prev]) + NOISE_M) {
          keep[i] = false;
          dropped++;
          continue;
        }
      }
      prev = i;
    }
    return dropped;
  }
}
