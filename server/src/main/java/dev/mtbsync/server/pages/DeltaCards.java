package dev.mtbsync.server.pages;

import dev.mtbsync.gps.Splits;
import dev.mtbsync.gps.TimeGap;
import dev.mtbsync.runs.SplitsCsv;
import dev.mtbsync.server.artefacts.SplitsView;
import dev.mtbsync.server.html.DeltaPlot;
import dev.mtbsync.server.pages.DashboardPage.DeltaCard;
import dev.mtbsync.server.pages.DashboardPage.SplitLine;
import java.util.ArrayList;
import java.util.List;

/** Builds a run's delta card ({@code templates/dashboard/delta.jte}) from its delta and splits. */
final class DeltaCards {

  private DeltaCards() {}

  /**
   * The delta card: the curve as a chart, the gates as a table, each one optional. The headline is
   * the run's one gap figure ({@link TimeGap}) and the curve is measured from the first gate, so
   * chart, table and headline agree.
   */
  static DeltaCard of(SplitsView v) {
    List<DeltaPlot.Gate> gates = new ArrayList<>();
    List<SplitLine> lines = new ArrayList<>();
    Splits.Gate worst = TimeGap.worstSector(v.gates());
    for (SplitsCsv.Row s : v.splits()) {
      if (s.tRef() != null) {
        gates.add(new DeltaPlot.Gate(s.gate(), s.name(), s.tRef(), s.sectorDeltaSec()));
      }
      lines.add(
          new SplitLine(
              s.gate(),
              s.name(),
              Fmt.num(s.distanceM(), 0),
              Fmt.num(s.refSectorSec(), 2),
              Fmt.num(s.newSectorSec(), 2),
              Fmt.signed(s.sectorDeltaSec(), 2),
              gainTone(s.sectorDeltaSec()),
              Fmt.signed(s.deltaSec(), 2),
              gainTone(s.deltaSec()),
              worst != null && worst.gate() == s.gate()));
    }
    DeltaPlot plot = v.deltaRead() ? DeltaPlot.of(v.pointsFromFirstGate(), gates) : null;
    TimeGap gap = v.gap();
    String byWhat = "";
    if (!v.delta().isEmpty()) {
      byWhat =
          v.delta().stream().allMatch(p -> p.distanceM() != null)
              ? "along the trail by GPS distance"
              : "by reference time (no GPS distance)";
    }
    String note;
    if (!v.deltaPresent() && !v.splitsPresent()) {
      note = "No delta time for this run: a sync with a fitted warp writes delta.csv.";
    } else if (!v.splitsPresent()) {
      note = "No split times: sync with --ref-markers to time the sectors between markers.";
    } else if (!v.deltaPresent()) {
      note = "No delta.csv beside the splits: the curve along the trail is not drawn.";
    } else {
      note = "";
    }
    return new DeltaCard(
        note,
        plot,
        gap == null ? "" : gap.label(),
        gap == null ? "" : gainTone(gap.seconds()),
        gap == null ? "" : gap.span(),
        worst == null
            ? ""
            : "Lost most in " + worst.name() + ": " + Fmt.signed(worst.sectorDeltaSec(), 2) + " s",
        byWhat,
        lines,
        v.warnings());
  }

  /** A delta's tone: time lost (above zero) is bad, time gained good. */
  private static String gainTone(Double delta) {
    return delta == null || delta == 0 ? "" : delta > 0 ? "bad" : "good";
  }
}
