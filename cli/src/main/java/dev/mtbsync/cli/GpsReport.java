package dev.mtbsync.cli;

import dev.mtbsync.gps.RunRecap;
import dev.mtbsync.gps.Splits;
import dev.mtbsync.gps.TimeGap;
import dev.mtbsync.runs.SyncResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What sync prints about the GPS and the split times, after the usual summary, with the rider's one
 * line about the run ({@link RunRecap}: the sector that cost the most, where the rider stopped), as
 * the run's dashboard page states it.
 */
final class GpsReport {

  private GpsReport() {}

  static void sync(PrintWriter o, SyncResult r, boolean quiet) {
    if (quiet) {
      return;
    }
    if (r.gps() != null) {
      String head = "gps          ";
      for (String line : r.gps().lines()) {
        o.println(head + line);
        head = "             ";
      }
    }
    if (r.splits().size() < 2 && r.ok() && r.warp() != null) {
      o.println("run          " + RunRecap.of(r.splits(), r.warp()).line());
    }
    if (r.splits().size() >= 2) {
      Splits.Gate last = r.splits().get(r.splits().size() - 1);
      TimeGap gap = TimeGap.of(r.splits(), List.of());
      o.printf(
          Locale.ROOT,
          "splits       %d gates, %s: reference %.2f s, new run %.2f s, time gap %s%n",
          r.splits().size(),
          gap.span(),
          last.refElapsedSec(),
          last.newElapsedSec(),
          gap.label());
      if (r.ok() && r.warp() != null) {
        o.println("             " + RunRecap.of(r.splits(), r.warp()).line());
      }
      for (Splits.Gate g : r.splits().subList(1, r.splits().size())) {
        o.printf(
            Locale.ROOT,
            "  %-18s sector %7.2f s vs %7.2f s  %+6.2f s   total %+6.2f s%n",
            g.name(),
            g.newSectorSec(),
            g.refSectorSec(),
            g.sectorDeltaSec(),
            g.deltaSec());
      }
    }
  }

  /** The split times for sync --json: splits.csv's columns, null where a value is unknown. */
  static List<Map<String, Object>> splits(List<Splits.Gate> gates) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Splits.Gate g : gates) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("gate", g.gate());
      m.put("name", g.name());
      m.put("t_ref", g.tRef());
      m.put("t_new", g.tNew());
      m.put("distance_m", orNull(g.distanceM()));
      m.put("ref_sector_sec", orNull(g.refSectorSec()));
      m.put("new_sector_sec", orNull(g.newSectorSec()));
      m.put("sector_delta_sec", orNull(g.sectorDeltaSec()));
      m.put("delta_sec", g.deltaSec());
      m.put("confidence", g.confidence());
      out.add(m);
    }
    return out;
  }

  private static Double orNull(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
