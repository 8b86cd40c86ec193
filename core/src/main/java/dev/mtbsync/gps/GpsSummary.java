package dev.mtbsync.gps;

import java.util.ArrayList;
import java.util.List;

/**
 * What the GPS did in one sync, for its summary.
 *
 * @param seeded the visual search used the GPS prior (and its result was kept)
 * @param notes what was read, used, dropped or missing, one line each
 * @param agreement how the warp from the pictures compares with the GPS, or null
 */
public record GpsSummary(boolean seeded, List<String> notes, GpsAgreement agreement) {

  public GpsSummary {
    notes = List.copyOf(notes);
  }

  /** The notes and the comparison, one line each. */
  public List<String> lines() {
    List<String> out = new ArrayList<>(notes);
    String a = GpsSeed.describe(agreement);
    if (a != null) {
      out.add(a);
    }
    return out;
  }
}
