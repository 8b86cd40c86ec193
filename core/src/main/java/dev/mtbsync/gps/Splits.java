package dev.mtbsync.gps;

import dev.mtbsync.markers.NewMarker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Split times with the reference markers as timing gates: for each gate the new run reaches, the
 * time of the sector since the previous gate in both runs, and the time gained or lost since the
 * first gate.
 */
public final class Splits {

  /**
   * One gate, in trail order.
   *
   * @param gate 1, 2, ... in trail order
   * @param name the marker's name
   * @param tRef the reference's time at the gate (s)
   * @param tNew the new run's time at the gate (s)
   * @param distanceM metres along the trail from the first gate, NaN without GPS
   * @param refSectorSec the reference's time from the previous gate (s), NaN at the first
   * @param newSectorSec the new run's time from the previous gate (s), NaN at the first
   * @param refElapsedSec the reference's time since the first gate (s)
   * @param newElapsedSec the new run's time since the first gate (s)
   * @param confidence the transferred marker's confidence, 0 to 1
   */
  public record Gate(
      int gate,
      String name,
      double tRef,
      double tNew,
      double distanceM,
      double refSectorSec,
      double newSectorSec,
      double refElapsedSec,
      double newElapsedSec,
      double confidence) {

    /** New minus reference over the sector (s): positive when the new run lost time there. */
    public double sectorDeltaSec() {
      return newSectorSec - refSectorSec;
    }

    /** New minus reference since the first gate (s). */
    public double deltaSec() {
      return newElapsedSec - refElapsedSec;
    }
  }

  private Splits() {}

  /**
   * @param markers transferred markers; those the new run does not reach are not gates
   * @param refCurve the reference's distance curve, or null
   * @param newCurve the new run's distance curve (used when the reference has none), or null
   */
  public static List<Gate> of(
      List<NewMarker> markers, DistanceCurve refCurve, DistanceCurve newCurve) {
    List<NewMarker> gates = new ArrayList<>();
    for (NewMarker m : markers) {
      if (Double.isFinite(m.tNew()) && Double.isFinite(m.tRef())) {
        gates.add(m);
      }
    }
    gates.sort(Comparator.comparingDouble(NewMarker::tRef));
    List<Gate> out = new ArrayList<>();
    for (int i = 0; i < gates.size(); i++) {
      NewMarker m = gates.get(i);
      NewMarker first = gates.get(0);
      NewMarker prev = i == 0 ? null : gates.get(i - 1);
      out.add(
          new Gate(
              i + 1,
              m.name(),
              m.tRef(),
              m.tNew(),
              DeltaTime.distance(
                  refCurve, newCurve, first.tRef(), m.tRef(), first.tNew(), m.tNew()),
              prev == null ? Double.NaN : m.tRef() - prev.tRef(),
              prev == null ? Double.NaN : m.tNew() - prev.tNew(),
              m.tRef() - first.tRef(),
              m.tNew() - first.tNew(),
              m.confidence()));
    }
    return out;
  }
}
