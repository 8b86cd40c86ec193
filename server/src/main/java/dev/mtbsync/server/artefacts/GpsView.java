package dev.mtbsync.server.artefacts;

import dev.mtbsync.artefacts.GpsBlock;
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

  /** timewarp.json's {@code gps} block as the card shows it, or null when there is none. */
  public static GpsView of(GpsBlock g) {
    if (g == null) {
      return null;
    }
    GpsBlock.Alignment align = g.alignment();
    GpsBlock.Agreement agree = g.agreement();
    List<Disagreement> ds = new ArrayList<>();
    if (agree != null) {
      agree
          .disagreements()
          .forEach(d -> ds.add(new Disagreement(d.tNewFrom(), d.tNewTo(), d.maxSec())));
    }
    return new GpsView(
        Boolean.TRUE.equals(g.seeded()),
        track(g.reference()),
        track(g.neu()),
        align == null ? null : align.placeRmsM(),
        align == null ? null : align.sharedFrac(),
        agree == null ? null : agree.medianSec(),
        agree == null ? null : agree.p90AbsSec(),
        agree == null ? null : agree.maxAbsSec(),
        List.copyOf(ds),
        g.notes());
  }

  private static Track track(GpsBlock.Track t) {
    return t == null
        ? null
        : new Track(t.file(), t.format(), t.clock(), t.fixesRead(), t.fixesUsed(), t.lengthM());
  }

  /** The block of this run's timewarp.json, or null when it has none. */
  public static GpsView of(TimewarpView tw) {
    return of(tw.file() == null ? null : tw.file().gpsBlock());
  }
}
