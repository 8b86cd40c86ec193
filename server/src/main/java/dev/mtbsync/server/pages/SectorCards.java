package dev.mtbsync.server.pages;

import dev.mtbsync.gps.SectorTable;
import dev.mtbsync.gps.Splits;
import dev.mtbsync.server.artefacts.RunSummary;
import dev.mtbsync.server.artefacts.SplitsView;
import dev.mtbsync.server.pages.DashboardPage.SectorCell;
import dev.mtbsync.server.pages.DashboardPage.SectorRow;
import dev.mtbsync.server.pages.DashboardPage.SectorsCard;
import dev.mtbsync.server.site.DashboardContext;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sectors card: the runs of the selected run's reference side by side ({@link SectorTable}),
 * each sector's best time marked, and the theoretical best run.
 */
final class SectorCards {

  private SectorCards() {}

  /**
   * A sector's heading: the gate that closes it, as the splits table and the rider's line name a
   * sector; both gates where two sectors close at one gate (a run that missed a gate).
   */
  static List<String> headings(List<SectorTable.Sector> sectors) {
    List<String> out = new ArrayList<>();
    for (SectorTable.Sector s : sectors) {
      boolean shared = sectors.stream().filter(o -> o.to().equals(s.to())).count() > 1;
      out.add(shared ? s.label() : "→ " + s.to());
    }
    return out;
  }

  /**
   * The card, or null when fewer than two listed runs of this run's reference have split times.
   *
   * @param runs the runs the list shows (their summaries carry the reference)
   * @param selected the run on the page
   */
  static SectorsCard of(DashboardContext site, List<RunSummary> runs, RunSummary selected) {
    if (selected.referenceKey() == null) {
      return null;
    }
    Map<String, List<Splits.Gate>> gates = new LinkedHashMap<>();
    Map<String, RunSummary> byId = new LinkedHashMap<>();
    List<RunSummary> same = new ArrayList<>(runs);
    if (same.stream().noneMatch(r -> r.id().equals(selected.id()))) {
      same.add(selected);
    }
    for (RunSummary r : same) {
      boolean timed = r.lap() != null && r.lap().runTimeSec() != null;
      if (!r.failed() && timed && selected.referenceKey().equals(r.referenceKey())) {
        try {
          gates.put(r.id(), SplitsView.read(site.root(), site.root().runDir(r.id())).gates());
          byId.put(r.id(), r);
        } catch (IOException | IllegalArgumentException gone) {
          // pruned or renamed since it was listed: it is simply not in the table
        }
      }
    }
    if (gates.size() < 2) {
      return null;
    }
    SectorTable t = SectorTable.of(gates);
    List<SectorRow> rows = new ArrayList<>();
    for (SectorTable.Row row : t.rows()) {
      List<SectorCell> cells = new ArrayList<>();
      for (int s = 0; s < t.sectors().size(); s++) {
        cells.add(new SectorCell(Fmt.num(row.sectorSec()[s], 2), row.isBest(t, s)));
      }
      RunSummary r = row.id() == null ? null : byId.get(row.id());
      rows.add(
          new SectorRow(
              r == null ? "" : r.id(),
              r == null ? "Reference" : r.id().substring(r.id().lastIndexOf('/') + 1),
              r == null
                  ? selected.reference()
                  : Fmt.when(r.finished() != null ? r.finished() : r.modified())
                      + (r.newVideo() == null ? "" : " · " + r.newVideo()),
              r == null ? "" : "/?run=" + URLEncoder.encode(r.id(), StandardCharsets.UTF_8),
              r != null && r.id().equals(selected.id()),
              cells,
              Fmt.num(row.totalSec(), 2)));
    }
    List<SectorCell> best = new ArrayList<>();
    for (double b : t.bestSec()) {
      best.add(new SectorCell(Fmt.num(b, 2), false));
    }
    return new SectorsCard(
        selected.reference(),
        headings(t.sectors()),
        rows,
        new SectorRow(
            "",
            "Theoretical best",
            "the best time of each sector, added up",
            "",
            false,
            best,
            Fmt.num(t.theoreticalBestSec(), 2)));
  }
}
