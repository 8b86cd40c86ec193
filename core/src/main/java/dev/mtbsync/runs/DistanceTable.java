package dev.mtbsync.runs;

import dev.mtbsync.artefacts.GpsBlock;
import dev.mtbsync.gps.DeltaTime;
import dev.mtbsync.gps.Splits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Distance along the trail as a run's previous {@code delta.csv} measured it, for a refit that has
 * no GPS track at hand: by the reference's time where the reference's track measured it (as {@link
 * DeltaTime} does), else by the new run's. Linear between the curve's points (0.5 s apart), NaN
 * outside them; without distances in the file, every distance is NaN, as without GPS.
 */
final class DistanceTable {

  private static final DistanceTable NONE = new DistanceTable(new double[0], new double[0], true);

  private final double[] time;
  private final double[] metres;
  private final boolean byRef;

  private DistanceTable(double[] time, double[] metres, boolean byRef) {
    this.time = time;
    this.metres = metres;
    this.byRef = byRef;
  }

  /**
   * @param delta the run's delta.csv (missing or unreadable: no distances)
   * @param gps the timewarp.json {@code gps} block, or null: a reference track with a length means
   *     distances by reference time
   */
  static DistanceTable of(Path delta, GpsBlock gps) {
    if (!Files.isRegularFile(delta)) {
      return NONE;
    }
    List<DeltaTime.Point> points;
    try {
      points = SplitsCsv.readDelta(delta);
    } catch (IOException e) {
      return NONE;
    }
    boolean byRef = gps == null || (gps.reference() != null && gps.reference().lengthM() != null);
    List<double[]> rows = new ArrayList<>();
    for (DeltaTime.Point p : points) {
      double t = byRef ? p.tRef() : p.tNew();
      if (Double.isFinite(p.distanceM()) && (rows.isEmpty() || t > rows.get(rows.size() - 1)[0])) {
        rows.add(new double[] {t, p.distanceM()});
      }
    }
    if (rows.size() < 2) {
      return NONE;
    }
    double[] time = new double[rows.size()];
    double[] metres = new double[rows.size()];
    for (int i = 0; i < time.length; i++) {
      time[i] = rows.get(i)[0];
      metres[i] = rows.get(i)[1];
    }
    return new DistanceTable(time, metres, byRef);
  }

  /** The curve's points with their distances from its first point. */
  List<DeltaTime.Point> points(List<DeltaTime.Point> curve) {
    if (curve.isEmpty()) {
      return curve;
    }
    DeltaTime.Point first = curve.get(0);
    double origin = at(first.tRef(), first.tNew());
    List<DeltaTime.Point> out = new ArrayList<>();
    for (DeltaTime.Point p : curve) {
      out.add(
          new DeltaTime.Point(p.tRef(), at(p.tRef(), p.tNew()) - origin, p.tNew(), p.deltaSec()));
    }
    return out;
  }

  /** The gates with their distances from the first gate. */
  List<Splits.Gate> gates(List<Splits.Gate> gates) {
    if (gates.isEmpty()) {
      return gates;
    }
    double origin = at(gates.get(0).tRef(), gates.get(0).tNew());
    List<Splits.Gate> out = new ArrayList<>();
    for (Splits.Gate g : gates) {
      out.add(
          new Splits.Gate(
              g.gate(),
              g.name(),
              g.tRef(),
              g.tNew(),
              at(g.tRef(), g.tNew()) - origin,
              g.refSectorSec(),
              g.newSectorSec(),
              g.refElapsedSec(),
              g.newElapsedSec(),
              g.confidence()));
    }
    return out;
  }

  /** Metres at a place (NaN where the table does not reach). */
  private double at(double tRef, double tNew) {
    double t = byRef ? tRef : tNew;
    if (time.length == 0 || t < time[0] || t > time[time.length - 1]) {
      return Double.NaN;
    }
    int i = Arrays.binarySearch(time, t);
    if (i >= 0) {
      return metres[i];
    }
    int hi = -i - 1;
    double f = (t - time[hi - 1]) / (time[hi] - time[hi - 1]);
    return metres[hi - 1] + f * (metres[hi] - metres[hi - 1]);
  }
}
