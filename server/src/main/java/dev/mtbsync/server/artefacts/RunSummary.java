package dev.mtbsync.server.artefacts;

import java.util.List;

/**
 * One run folder as the runs list shows it. Figures are null where the artefact lacks them or could
 * not be read; {@code warnings} says which.
 *
 * @param id the folder's path under the root ({@code pairA/RUN} for a nested run)
 * @param modified the folder's modification time (ISO-8601)
 * @param finished when the sync finished (run.json, else perf.json), null when unknown
 * @param ok the warp passed its gates (timewarp.json), null when unknown
 * @param p90 P90 residual of the warp (s)
 * @param ppm average speed drift (ppm, signed)
 * @param inlierFrac share of pairs supporting the warp (0 to 1)
 * @param nPairs pairs the warp was fitted to
 * @param newVideo the new run's file name (run.json)
 * @param reference the reference's file name (run.json), null when it names none
 * @param referenceKey what tells one reference video from another: its size and the SHA-256 of its
 *     first MiB as run.json records them (else its path), so runs synced against one file share it
 *     wherever that file was read from; null when run.json names no reference
 * @param totalSec the sync's wall time (perf.json, s)
 * @param markerFiles the run's {@code new_markers*.csv}, as paths under the root
 * @param reasons why the warp is not ok (timewarp.json)
 * @param problems why the sync failed, as run.json records them (else timewarp.json's reasons)
 * @param fitted timewarp.json holds a mapping: a sync that found no warp writes only filler figures
 *     (a = 1, b = 0), which the pages must not show as measured
 * @param lap run time, gap and best and worst sector against the reference (splits.csv, delta.csv),
 *     null when the run has neither
 * @param warnings one line per artefact that could not be read
 */
public record RunSummary(
    String id,
    String modified,
    String finished,
    Boolean ok,
    Double p90,
    Double ppm,
    Double inlierFrac,
    Integer nPairs,
    String newVideo,
    String reference,
    String referenceKey,
    Double totalSec,
    List<String> markerFiles,
    List<String> reasons,
    List<String> problems,
    boolean fitted,
    Lap lap,
    List<String> warnings) {

  /** ok, failed, or unknown (no readable warp). */
  public String status() {
    return ok == null ? "unknown" : ok ? "ok" : "failed";
  }

  /** The sync (or its warp) failed. */
  public boolean failed() {
    return Boolean.FALSE.equals(ok);
  }

  /** "sync failed: REASON; REASON", null when the run did not fail. */
  public String failure() {
    if (!failed()) {
      return null;
    }
    return "sync failed: "
        + (problems.isEmpty() ? "no reason recorded" : String.join("; ", problems));
  }
}
