package dev.mtbsync.render;

import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.gps.Splits;
import dev.mtbsync.markers.NewMarker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The comparison's clock: for each moment of the followed run, the other run's time through the
 * warp and the facts to burn in (elapsed times, gap, sector, the gate just passed). Pure
 * arithmetic, no video, so it is tested on its own.
 *
 * <p>DESIGN NOTE: the other run's time comes from the warp at every output frame, never from
 * counting frames since the last match, so the re-timed side cannot drift. Outside the range the
 * warp covers there is no time at all (NaN): the video shows "no match here" rather than a frozen
 * or extrapolated frame.
 */
final class Timeline {

  /** How long (s) a gate's name and split stay on screen after it is passed. */
  public static final double HOLD_SEC = 3.0;

  private final MonotoneWarp warp;
  private final Follow follow;
  private final double start;
  private final double end;
  private final double anchorNew;
  private final double anchorRef;
  private final List<Double> gateTimes;
  private final List<String> gateNames;
  private final List<Moment.Passing> passings;

  private Timeline(
      MonotoneWarp warp,
      Follow follow,
      double start,
      double end,
      double[] anchor,
      List<Splits.Gate> gates,
      List<Moment.Passing> passings) {
    this.warp = warp;
    this.follow = follow;
    this.start = start;
    this.end = end;
    this.anchorNew = anchor[0];
    this.anchorRef = anchor[1];
    this.gateTimes = gates.stream().map(g -> followed(follow, g.tNew(), g.tRef())).toList();
    this.gateNames = gates.stream().map(Splits.Gate::name).toList();
    this.passings = passings;
  }

  /**
   * @param warp new-run time to reference time
   * @param markers the carried markers (all of them are gates for the splits, as in splits.csv)
   * @param follow the run that sets the pace
   * @param durationSec length of the followed video (s)
   * @param fromGate marker name to start at, or null
   * @param toGate marker name to end at, or null
   * @throws IllegalArgumentException when a gate is unknown, not reached, or the range is empty
   */
  public static Timeline of(
      MonotoneWarp warp,
      List<NewMarker> markers,
      Follow follow,
      double durationSec,
      String fromGate,
      String toGate) {
    double start = fromGate == null ? 0 : gateTime(markers, follow, fromGate, "from");
    double end = toGate == null ? durationSec : gateTime(markers, follow, toGate, "to");
    if (!(end > start)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the range %.2f-%.2f s is empty (from must come before to)",
              start,
              end));
    }
    List<Splits.Gate> gates = Splits.of(markers, null, null);
    double[] anchor = {Double.NaN, Double.NaN};
    if (fromGate != null) {
      NewMarker m = marker(markers, fromGate, "from");
      anchor = new double[] {m.tNew(), m.tRef()};
    } else {
      double a = follow == Follow.NEW ? warp.validFrom() : warp.tRef()[0];
      a = Math.max(a, start);
      double other = otherTime(warp, follow, a);
      if (!Double.isNaN(other) && a <= end) {
        anchor = follow == Follow.NEW ? new double[] {a, other} : new double[] {other, a};
      }
    }
    return new Timeline(warp, follow, start, end, anchor, gates, passings(markers, gates, follow));
  }

  /** First output moment in the followed run's clock (s). */
  public double start() {
    return start;
  }

  /** Last output moment in the followed run's clock (s). */
  public double end() {
    return end;
  }

  /** The other run's time (s) at the followed run's time {@code t}; NaN where not covered. */
  public double otherTime(double t) {
    return otherTime(warp, follow, t);
  }

  private static double otherTime(MonotoneWarp warp, Follow follow, double t) {
    if (follow == Follow.NEW) {
      return t >= warp.validFrom() && t <= warp.validTo() ? warp.map(t) : Double.NaN;
    }
    return warp.inverse(t); // NaN outside the reference times covered
  }

  /** Everything shown at the followed run's time {@code t} (s). */
  public Moment at(double t) {
    double other = otherTime(t);
    double tNew = follow == Follow.NEW ? t : other;
    double tRef = follow == Follow.NEW ? other : t;
    if (Double.isNaN(other)) {
      tNew = follow == Follow.NEW ? t : Double.NaN;
      tRef = follow == Follow.NEW ? Double.NaN : t;
    }
    double eNew = tNew - anchorNew;
    double eRef = tRef - anchorRef;
    return new Moment(tNew, tRef, eNew, eRef, eNew - eRef, sector(t), passed(t));
  }

  private String sector(double t) {
    int n = gateTimes.size();
    if (n == 0) {
      return null;
    }
    int k = 0;
    while (k < n && gateTimes.get(k) <= t) {
      k++;
    }
    if (k == 0) {
      return "START  to " + gateNames.get(0);
    }
    if (k == n) {
      return "FINISH  after " + gateNames.get(n - 1);
    }
    return "SECTOR " + k + "/" + (n - 1) + "  " + gateNames.get(k - 1) + " > " + gateNames.get(k);
  }

  private Moment.Passing passed(double t) {
    Moment.Passing last = null;
    for (Moment.Passing p : passings) {
      if (p.t() <= t && t - p.t() < HOLD_SEC) {
        last = p;
      }
    }
    return last;
  }

  private static List<Moment.Passing> passings(
      List<NewMarker> markers, List<Splits.Gate> gates, Follow follow) {
    List<Moment.Passing> out = new ArrayList<>();
    for (NewMarker m : markers) {
      double t = followed(follow, m.tNew(), m.tRef());
      if (Double.isNaN(t)) {
        continue;
      }
      Splits.Gate g =
          gates.stream()
              .filter(x -> x.name().equals(m.name()) && x.tRef() == m.tRef())
              .findFirst()
              .orElse(null);
      out.add(
          g == null
              ? new Moment.Passing(t, m.name(), Double.NaN, Double.NaN, Double.NaN)
              : new Moment.Passing(
                  t, m.name(), g.sectorDeltaSec(), g.newSectorSec(), g.refSectorSec()));
    }
    out.sort(Comparator.comparingDouble(Moment.Passing::t));
    return out;
  }

  private static double followed(Follow follow, double tNew, double tRef) {
    return follow == Follow.NEW ? tNew : tRef;
  }

  private static double gateTime(
      List<NewMarker> markers, Follow follow, String name, String which) {
    NewMarker m = marker(markers, name, which);
    return followed(follow, m.tNew(), m.tRef());
  }

  private static NewMarker marker(List<NewMarker> markers, String name, String which) {
    for (NewMarker m : markers) {
      if (m.name().equalsIgnoreCase(name.trim())) {
        if (Double.isNaN(m.tNew()) || Double.isNaN(m.tRef())) {
          throw new IllegalArgumentException(
              which + " gate '" + name + "' is not reached by both runs");
        }
        return m;
      }
    }
    String known =
        markers.isEmpty()
            ? "the run has no markers"
            : "markers: " + markers.stream().map(NewMarker::name).collect(Collectors.joining(", "));
    throw new IllegalArgumentException(
        which + " gate '" + name + "' is not a marker (" + known + ")");
  }
}
