package dev.mtbsync.server.compare;

import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.gps.Splits;
import dev.mtbsync.gps.TimeGap;
import dev.mtbsync.markers.NewMarker;
import java.util.ArrayList;
import java.util.List;

/**
 * The running gap the compare page states at its playhead, and the gates it names: the gap is
 * {@link TimeGap#runningAt} (the new run's time since the anchor minus the reference's, through the
 * warp), the page doing that arithmetic itself on the warp's knots as it plays; the gates are
 * core's {@link Splits} of the markers shown.
 *
 * @param definition the gap's one definition, in words ({@link TimeGap#DEFINITION})
 * @param anchorName where timing starts: the first gate's name, or null for the start of the
 *     stretch both runs share (fewer than two gates, as {@link TimeGap#of} measures)
 * @param anchorNew the new run's time there (s)
 * @param anchorRef the reference's time there (s)
 * @param gates every gate in trail order (possibly one, or none)
 */
public record GapView(
    String definition, String anchorName, double anchorNew, double anchorRef, List<Gate> gates) {

  /**
   * A gate, as splits.csv has it.
   *
   * @param gate 1, 2, ... in trail order
   * @param name the marker's name
   * @param tNew the new run's time at the gate (s)
   * @param tRef the reference's time at the gate (s)
   * @param deltaSec the running gap there (s), null for a gate before the anchor
   * @param sectorDeltaSec new minus reference over the sector it closes (s), null at the first
   */
  public record Gate(
      int gate, String name, double tNew, double tRef, Double deltaSec, Double sectorDeltaSec) {}

  /**
   * @param markers the markers the page shows
   * @param warp the warp, null when there is none (then there is no gap either)
   * @return null without a warp
   */
  static GapView of(List<CompareMarker> markers, MonotoneWarp warp) {
    if (warp == null) {
      return null;
    }
    List<NewMarker> reached = new ArrayList<>();
    for (CompareMarker m : markers) {
      if (m.tRef() != null && m.at() != null) {
        reached.add(new NewMarker(m.name(), m.tRef(), m.at(), m.confidence(), false, "", ""));
      }
    }
    List<Splits.Gate> splits = Splits.of(reached, null, null);
    List<Gate> gates = new ArrayList<>();
    boolean byGates = splits.size() >= 2;
    for (Splits.Gate g : splits) {
      gates.add(
          new Gate(
              g.gate(),
              g.name(),
              g.tNew(),
              g.tRef(),
              byGates ? g.deltaSec() : null,
              Double.isFinite(g.sectorDeltaSec()) ? g.sectorDeltaSec() : null));
    }
    if (byGates) {
      Splits.Gate first = splits.get(0);
      return new GapView(
          TimeGap.DEFINITION, first.name(), first.tNew(), first.tRef(), List.copyOf(gates));
    }
    double from = warp.validFrom();
    return new GapView(TimeGap.DEFINITION, null, from, warp.map(from), List.copyOf(gates));
  }
}
