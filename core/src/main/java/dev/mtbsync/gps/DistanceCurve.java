package dev.mtbsync.gps;

import dev.mtbsync.stats.LeastSquares;
import dev.mtbsync.stats.Stats;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A track as distance travelled against video time, resampled at {@value #RATE_HZ} Hz, after the
 * fixes a rider cannot have made are dropped ({@link FixFilter}). Positions are smoothed (a
 * Gaussian-weighted local line through the fixes within {@value #SMOOTH_SEC} s either side) before
 * the distance is summed, so receiver jitter does not add up to distance while the rider stands.
 */
public final class DistanceCurve {

  /** Samples a second. */
  public static final double RATE_HZ = 10;

  /** Fixes further than this from a sample in time leave it uncovered (a gap in the track). */
  static final double MAX_GAP_SEC = 5;

  static final double SMOOTH_SEC = 2.0;
  private static final double SIGMA_SEC = 0.8;

  private final double t0;
  private final double[] distance;
  private final double[] east;
  private final double[] north;
  private final boolean[] covered;
  private final int fixes;
  private final FixFilter.Dropped dropped;
  private final double medianDop;

  private DistanceCurve(
      double t0,
      double[] distance,
      double[] east,
      double[] north,
      boolean[] covered,
      int fixes,
      FixFilter.Dropped dropped,
      double medianDop) {
    this.t0 = t0;
    this.distance = distance;
    this.east = east;
    this.north = north;
    this.covered = covered;
    this.fixes = fixes;
    this.dropped = dropped;
    this.medianDop = medianDop;
  }

  /**
   * Builds the curve of the fixes between {@code fromSec} and {@code toSec} of video time.
   *
   * @param track the fixes
   * @param videoStart the instant of the video's first frame on the track's clock
   * @param frame where east/north are measured from (the same for tracks to be compared)
   * @param fromSec first video time (s) of interest
   * @param toSec last video time (s) of interest
   * @throws IllegalArgumentException when fewer than two usable fixes fall in that range
   */
  static DistanceCurve of(
      GpsTrack track, Instant videoStart, LocalFrame frame, double fromSec, double toSec) {
    List<TrackPoint> pts = track.points();
    int n = pts.size();
    double[] t = new double[n];
    double[] e = new double[n];
    double[] nn = new double[n];
    double[] dop = new double[n];
    int[] fix = new int[n];
    int m = 0;
    for (TrackPoint p : pts) {
      double sec = Duration.between(videoStart, p.time()).toNanos() / 1e9;
      if (sec < fromSec || sec > toSec) {
        continue;
      }
      t[m] = sec;
      e[m] = frame.east(p.lat(), p.lon());
      nn[m] = frame.north(p.lat());
      dop[m] = p.dop();
      fix[m] = p.fix();
      m++;
    }
    FixFilter.Kept kept =
        FixFilter.apply(
            java.util.Arrays.copyOf(t, m),
            java.util.Arrays.copyOf(e, m),
            java.util.Arrays.copyOf(nn, m),
            java.util.Arrays.copyOf(dop, m),
            java.util.Arrays.copyOf(fix, m));
    double[] kt = kept.t();
    if (kt.length < 2 || kt[kt.length - 1] - kt[0] < 1 / RATE_HZ) {
      throw new IllegalArgumentException(
          m == 0
              ? "no fixes during the video"
              : "too few usable fixes during the video ("
                  + kt.length
                  + " of "
                  + m
                  + "; dropped: "
                  + kept.dropped().describe()
                  + ")");
    }
    double start = Math.ceil(kt[0] * RATE_HZ) / RATE_HZ;
    int size = (int) Math.floor((kt[kt.length - 1] - start) * RATE_HZ + 1e-9) + 1;
    double[] se = new double[size];
    double[] sn = new double[size];
    boolean[] cov = new boolean[size];
    int lo = 0;
    for (int i = 0; i < size; i++) {
      double tau = start + i / RATE_HZ;
      while (lo < kt.length - 1 && kt[lo + 1] <= tau) {
        lo++;
      }
      double gap =
          Math.min(Math.abs(tau - kt[lo]), Math.abs(kt[Math.min(lo + 1, kt.length - 1)] - tau));
      cov[i] = gap <= MAX_GAP_SEC;
      double[] p = smooth(kt, kept.east(), kept.north(), lo, tau);
      se[i] = p[0];
      sn[i] = p[1];
    }
    double[] dist = new double[size];
    for (int i = 1; i < size; i++) {
      dist[i] = dist[i - 1] + Math.hypot(se[i] - se[i - 1], sn[i] - sn[i - 1]);
    }
    return new DistanceCurve(
        start, dist, se, sn, cov, kt.length, kept.dropped(), Stats.upperMedian(kept.dop()));
  }

  /**
   * The curve of a whole track on its own clock: video time 0 at {@code videoStart}, positions
   * measured from the track's first fix.
   */
  public static DistanceCurve of(GpsTrack track, Instant videoStart) {
    TrackPoint p = track.points().get(0);
    return of(
        track,
        videoStart,
        new LocalFrame(p.lat(), p.lon()),
        Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY);
  }

  /** Gaussian-weighted local line at tau through the kept fixes near it; falls back to linear. */
  private static double[] smooth(double[] t, double[] e, double[] nn, int lo, double tau) {
    int first = lo;
    while (first > 0 && tau - t[first - 1] <= SMOOTH_SEC) {
      first--;
    }
    int end = first;
    while (end < t.length && t[end] - tau <= SMOOTH_SEC) {
      end++;
    }
    int count = 0;
    double[] dt = new double[end - first];
    double[] w = new double[dt.length];
    double[] east = new double[dt.length];
    double[] north = new double[dt.length];
    for (int j = first; j < end; j++) {
      double d = t[j] - tau;
      if (d < -SMOOTH_SEC) {
        continue;
      }
      dt[count] = d;
      w[count] = Math.exp(-0.5 * d * d / (SIGMA_SEC * SIGMA_SEC));
      east[count] = e[j];
      north[count] = nn[j];
      count++;
    }
    double[] x = Arrays.copyOf(dt, count);
    double[] wx = Arrays.copyOf(w, count);
    double[] lineE = LeastSquares.polynomial(x, Arrays.copyOf(east, count), wx, 1);
    double[] lineN = LeastSquares.polynomial(x, Arrays.copyOf(north, count), wx, 1);
    if (lineE != null && lineN != null) { // each line's value at tau
      return new double[] {lineE[0], lineN[0]};
    }
    int hi = Math.min(lo + 1, t.length - 1);
    double f = hi == lo || t[hi] == t[lo] ? 0 : (tau - t[lo]) / (t[hi] - t[lo]);
    f = Math.max(0, Math.min(1, f));
    return new double[] {e[lo] + f * (e[hi] - e[lo]), nn[lo] + f * (nn[hi] - nn[lo])};
  }

  /** Number of samples. */
  public int size() {
    return distance.length;
  }

  /** Video time (s) of sample i. */
  public double time(int i) {
    return t0 + i / RATE_HZ;
  }

  /** Video time (s) of the first sample. */
  public double startSec() {
    return t0;
  }

  /** Video time (s) of the last sample. */
  public double endSec() {
    return time(distance.length - 1);
  }

  /** Metres travelled from the first sample to sample i (non-decreasing). */
  public double distance(int i) {
    return distance[i];
  }

  /** Metres travelled in all. */
  public double length() {
    return distance[distance.length - 1];
  }

  double east(int i) {
    return east[i];
  }

  double north(int i) {
    return north[i];
  }

  /** Whether a kept fix lies within {@value #MAX_GAP_SEC} s of sample i. */
  public boolean covered(int i) {
    return covered[i];
  }

  /** Fixes kept. */
  public int fixes() {
    return fixes;
  }

  /** Fixes dropped, by reason. */
  FixFilter.Dropped dropped() {
    return dropped;
  }

  /** What was dropped, e.g. "2 off the line of their neighbours"; empty when nothing. */
  public String droppedSummary() {
    return dropped.describe();
  }

  /** Fixes dropped in all. */
  public int droppedCount() {
    return dropped.total();
  }

  /** Median DOP of the kept fixes, NaN when the receiver did not report it. */
  public double medianDop() {
    return medianDop;
  }

  /** Distance (m) at video time t, linear between samples, clamped to the ends. */
  public double distanceAt(double t) {
    double x = (t - t0) * RATE_HZ;
    if (x <= 0) {
      return distance[0];
    }
    if (x >= distance.length - 1) {
      return length();
    }
    int i = (int) x;
    return distance[i] + (x - i) * (distance[i + 1] - distance[i]);
  }

  /**
   * The first video time (s) at which the distance reaches {@code d}, linear between samples; NaN
   * outside [0, length].
   */
  public double timeAtDistance(double d) {
    if (d < 0 || d > length() || Double.isNaN(d)) {
      return Double.NaN;
    }
    int lo = 0;
    int hi = distance.length - 1;
    while (lo < hi) { // first index with distance >= d
      int mid = (lo + hi) >>> 1;
      if (distance[mid] >= d) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    if (lo == 0) {
      return t0;
    }
    double a = distance[lo - 1];
    double b = distance[lo];
    double f = b > a ? (d - a) / (b - a) : 1;
    return time(lo - 1) + f / RATE_HZ;
  }

  /** Speed (m/s) around sample i, over about a second. */
  public double speed(int i) {
    int a = Math.max(0, i - 5);
    int b = Math.min(distance.length - 1, i + 5);
    return b == a ? 0 : (distance[b] - distance[a]) * RATE_HZ / (b - a);
  }
}
