package dev.mtbsync.runs;

import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.gps.GpsInputs;
import dev.mtbsync.match.MatchConfig;
import java.nio.file.Path;

/**
 * One sync to do.
 *
 * @param reference the reference video
 * @param newVideo the new run's video
 * @param index a saved reference index (mtbsync index), or null to use the batch root's cache
 * @param refMarkers reference markers CSV, or null
 * @param outRoot batch root; the run gets a folder of its own inside
 * @param refOrb analysis of the reference (its sampling rate sets the precision of the pairs)
 * @param newOrb analysis of the new run (its sampling rate sets how many pairs there are)
 * @param match pair finding
 * @param warp warp fit and gates
 * @param reviewThreshold transferred markers below this confidence are flagged
 * @param gps where each run's GPS comes from ({@link GpsInputs#NONE}: none)
 */
public record SyncRequest(
    Path reference,
    Path newVideo,
    Path index,
    Path refMarkers,
    Path outRoot,
    OrbConfig refOrb,
    OrbConfig newOrb,
    MatchConfig match,
    WarpConfig warp,
    double reviewThreshold,
    GpsInputs gps) {

  public SyncRequest {
    gps = gps == null ? GpsInputs.NONE : gps;
  }

  /** A sync without GPS. */
  public SyncRequest(
      Path reference,
      Path newVideo,
      Path index,
      Path refMarkers,
      Path outRoot,
      OrbConfig refOrb,
      OrbConfig newOrb,
      MatchConfig match,
      WarpConfig warp,
      double reviewThreshold) {
    this(
        reference,
        newVideo,
        index,
        refMarkers,
        outRoot,
        refOrb,
        newOrb,
        match,
        warp,
        reviewThreshold,
        GpsInputs.NONE);
  }
}
