package dev.mtbsync.artefacts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code gps} block of timewarp.json as readers take it (a sync with GPS writes it from {@code
 * gps.GpsSeed#toJson}): the tracks used, how the new track lines up with the reference's, and how
 * the warp from the pictures agrees with the GPS. Null where the block leaves a value out.
 *
 * @param seeded the GPS seeded the visual search (and its result was kept)
 * @param reference the reference's track, null when it had none
 * @param neu the new run's track, null when it had none
 * @param alignment how the new track lines up with the reference's, null when it could not
 * @param agreement the warp against the GPS, null without a warp
 * @param notes what was read, used, dropped or missing, one line each
 */
public record GpsBlock(
    Boolean seeded,
    Track reference,
    @JsonProperty("new") Track neu,
    Alignment alignment,
    Agreement agreement,
    List<String> notes) {

  public GpsBlock {
    notes = notes == null ? List.of() : notes.stream().filter(n -> n != null).toList();
  }

  /**
   * One run's track.
   *
   * @param file the track's file as the sync read it
   * @param format gpx, fit or gpmf
   * @param clock how its clock was put on the video's
   * @param fixesRead fixes in the file
   * @param fixesUsed fixes during the video
   * @param dropped fixes left out, by reason, in words
   * @param lengthM the track's length during the video (m)
   */
  public record Track(
      String file,
      String format,
      String clock,
      Integer fixesRead,
      Integer fixesUsed,
      String dropped,
      Double lengthM) {}

  /**
   * How the new track lines up with the reference's.
   *
   * @param distanceScale new distance over reference distance
   * @param distanceOffsetM where the new track starts along the reference's (m)
   * @param placeRmsM how far the new fixes lie from the reference's path (m, RMS)
   * @param sharedFrac share of the new track along the reference's (0 to 1)
   * @param timeScale reference time over new time, as the tracks give it
   * @param timeOffsetSec reference time at new time 0, as the tracks give it (s)
   * @param bandSecMedian median half-width of the search band the GPS gave (s)
   */
  public record Alignment(
      Double distanceScale,
      Double distanceOffsetM,
      Double placeRmsM,
      Double sharedFrac,
      Double timeScale,
      Double timeOffsetSec,
      Double bandSecMedian) {}

  /**
   * The warp from the pictures minus the GPS's mapping (s).
   *
   * @param disagreements stretches where the pictures were kept against the GPS
   */
  public record Agreement(
      Double medianSec, Double p90AbsSec, Double maxAbsSec, List<Disagreement> disagreements) {

    public Agreement {
      disagreements = disagreements == null ? List.of() : disagreements;
    }
  }

  /** A stretch of new time (s) where pictures and GPS differ by up to {@code maxSec} (signed). */
  public record Disagreement(
      @JsonProperty("t_new_from") Double tNewFrom,
      @JsonProperty("t_new_to") Double tNewTo,
      Double maxSec) {}
}
