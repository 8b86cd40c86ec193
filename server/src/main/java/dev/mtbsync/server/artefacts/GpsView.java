package dev.mtbsync.server.artefacts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code gps} block of a run's timewarp.json, as a sync with GPS wrote it: the tracks used, how
 * the new track lines up with the reference's, and how the warp from the pictures agrees with the
 * GPS. Figures are null where the block leaves them out.
 *
 * @param seeded the GPS seeded the visual search (and its result was kept)
 * @param reference the reference's track, null when it had none
 * @param newRun the new run's track, null when it had none
 * @param placeRmsM how far the new fixes lie from the reference's path (m, RMS)
 * @param sharedFrac share of the new track along the reference's (0 to 1)
 * @param medianSec median of warp minus GPS (s)
 * @param p90AbsSec 90th percentile of |warp minus GPS| (s)
 * @param maxAbsSec the largest |warp minus GPS| (s)
 * @param disagreements stretches of the new video where the pictures were kept against the GPS
 * @param notes what was read, used, dropped or missing, one line each
 */
public record GpsView(
    boolean seeded,
    Track reference,
    Track newRun,
    Double placeRmsM,
    Double sharedFrac,
    Double medianSec,
    Double p90AbsSec,
    Double maxAbsSec,
    List<Disagreement> disagreements,
    List<String> notes) {

  /**
   * One run's track.
   *
   * @param file the track's file as the sync read it
   * @param format gpx, fit or gpmf
   * @param clock how its clock was put on the video's
   * @param fixesRead fixes in the file
   * @param fixesUsed fixes during the video
   * @param lengthM the track's length during the video (m)
   */
  public record Track(
      String file,
      String format,
      String clock,
      Integer fixesRead,
      Integer fixesUsed,
      Double lengthM) {}

  /** A stretch of new time (s) where pictures and GPS differ by up to {@code maxSec} (signed). */
  public record Disagreement(Double fromSec, Double toSec, Double maxSec) {}

  /** timewarp.json's {@code gps} block, or null when it holds none. */
  public static GpsView of(JsonNode g) {
    if (g == null || !g.isObject()) {
      return null;
    }
    JsonNode align = g.path("alignment");
    JsonNode agree = g.path("agreement");
    List<Disagreement> ds = new ArrayList<>();
    agree
        .path("disagreements")
        .forEach(
            d ->
                ds.add(
                    new Disagreement(
                        JsonFields.number(d.get("t_new_from")),
                        JsonFields.number(d.get("t_new_to")),
                        JsonFields.number(d.get("max_sec")))));
    List<String> notes = new ArrayList<>();
    g.path("notes").forEach(n -> notes.add(n.asText()));
    return new GpsView(
        Boolean.TRUE.equals(JsonFields.bool(g.get("seeded"))),
        track(g.get("reference")),
        track(g.get("new")),
        JsonFields.number(align.get("place_rms_m")),
        JsonFields.number(align.get("shared_frac")),
        JsonFields.number(agree.get("median_sec")),
        JsonFields.number(agree.get("p90_abs_sec")),
        JsonFields.number(agree.get("max_abs_sec")),
        List.copyOf(ds),
        List.copyOf(notes));
  }

  private static Track track(JsonNode t) {
    if (t == null || !t.isObject()) {
      return null;
    }
    return new Track(
        JsonFields.text(t.get("file")),
        JsonFields.text(t.get("format")),
        JsonFields.text(t.get("clock")),
        JsonFields.integer(t.get("fixes_read")),
        JsonFields.integer(t.get("fixes_used")),
        JsonFields.number(t.get("length_m")));
  }

  /** The block of this run's timewarp.json, or null when it has none. */
  public static GpsView of(TimewarpView tw) {
    return of(tw.file() == null ? null : tw.file().gps());
  }
}
