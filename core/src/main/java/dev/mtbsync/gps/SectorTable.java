package dev.mtbsync.gps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several runs of one trail side by side, sector by sector: each run's time for each sector, the
 * best time of each sector, and the theoretical best run (the sum of the best sectors).
 *
 * <p>A sector is named by the gates that open and close it, so runs that missed a gate (a marker
 * the new run does not reach) still line up with the others on the sectors they share; a sector
 * only some runs have is shown, but left out of the theoretical best, which only counts sectors
 * every row timed. The reference is a run of the trail too: it is the first row.
 *
 * @param sectors the sectors in trail order
 * @param rows the reference, then each run, in the order given
 * @param bestSec each sector's best time (s), NaN where no row timed it
 * @param theoreticalBestSec the sum of the best times of the sectors every row timed (s), NaN when
 *     no sector was timed by every row
 */
public record SectorTable(
    List<Sector> sectors, List<Row> rows, double[] bestSec, double theoreticalBestSec) {

  /**
   * A sector.
   *
   * @param from the gate opening it
   * @param to the gate closing it
   * @param refTime the reference's time at its closing gate (s): the trail order
   */
  public record Sector(String from, String to, double refTime) {

    /** "Berm → Step-down". */
    public String label() {
      return from + " → " + to;
    }
  }

  /**
   * A row: one run's times.
   *
   * @param id the run (null for the reference)
   * @param sectorSec its time in each sector of the table (s), NaN where it has none
   * @param totalSec the sum of its sectors (s), NaN when it lacks one
   */
  public record Row(String id, double[] sectorSec, double totalSec) {

    /** True when this row holds a sector's best time (ties all count). */
    public boolean isBest(SectorTable table, int sector) {
      double b = table.bestSec()[sector];
      return Double.isFinite(sectorSec[sector]) && Math.abs(sectorSec[sector] - b) < 5e-4;
    }
  }

  /**
   * The table of runs of one reference.
   *
   * @param runs each run's id and split gates (from one reference: its gate times are the same in
   *     every run); runs with fewer than two gates have no sector and are left out
   */
  public static SectorTable of(Map<String, List<Splits.Gate>> runs) {
    Map<String, Sector> sectors = new LinkedHashMap<>();
    Map<String, Double> refTimes = new LinkedHashMap<>();
    List<Map.Entry<String, List<Splits.Gate>>> timed = new ArrayList<>();
    for (Map.Entry<String, List<Splits.Gate>> run : runs.entrySet()) {
      List<Splits.Gate> gates = run.getValue();
      if (gates.size() < 2) {
        continue;
      }
      timed.add(run);
      for (int i = 1; i < gates.size(); i++) {
        Splits.Gate prev = gates.get(i - 1);
        Splits.Gate g = gates.get(i);
        String key = key(prev, g);
        sectors.putIfAbsent(key, new Sector(prev.name(), g.name(), g.tRef()));
        if (Double.isFinite(g.refSectorSec())) {
          refTimes.putIfAbsent(key, g.refSectorSec());
        }
      }
    }
    List<String> keys = new ArrayList<>(sectors.keySet());
    keys.sort(
        Comparator.comparingDouble((String k) -> sectors.get(k).refTime())
            .thenComparing(k -> sectors.get(k).from()));
    List<Row> rows = new ArrayList<>();
    if (!timed.isEmpty()) {
      double[] ref = new double[keys.size()];
      for (int s = 0; s < keys.size(); s++) {
        ref[s] = refTimes.getOrDefault(keys.get(s), Double.NaN);
      }
      rows.add(new Row(null, ref, total(ref)));
    }
    for (Map.Entry<String, List<Splits.Gate>> run : timed) {
      Map<String, Double> own = new LinkedHashMap<>();
      List<Splits.Gate> gates = run.getValue();
      for (int i = 1; i < gates.size(); i++) {
        own.put(key(gates.get(i - 1), gates.get(i)), gates.get(i).newSectorSec());
      }
      double[] times = new double[keys.size()];
      for (int s = 0; s < keys.size(); s++) {
        Double t = own.get(keys.get(s));
        times[s] = t == null || !Double.isFinite(t) ? Double.NaN : t;
      }
      rows.add(new Row(run.getKey(), times, total(times)));
    }
    double[] best = new double[keys.size()];
    double theoretical = 0;
    boolean any = false;
    for (int s = 0; s < keys.size(); s++) {
      double b = Double.NaN;
      boolean everyRow = true;
      for (Row r : rows) {
        double t = r.sectorSec()[s];
        if (Double.isFinite(t)) {
          b = Double.isNaN(b) ? t : Math.min(b, t);
        } else {
          everyRow = false;
        }
      }
      best[s] = b;
      if (everyRow && Double.isFinite(b)) {
        theoretical += b;
        any = true;
      }
    }
    return new SectorTable(
        keys.stream().map(sectors::get).toList(),
        List.copyOf(rows),
        best,
        any ? theoretical : Double.NaN);
  }

  private static String key(Splits.Gate from, Splits.Gate to) {
    return from.name() + "\u0000" + to.name();
  }

  private static double total(double[] times) {
    double sum = 0;
    for (double t : times) {
      if (!Double.isFinite(t)) {
        return Double.NaN;
      }
      sum += t;
    }
    return times.length == 0 ? Double.NaN : sum;
  }
}
