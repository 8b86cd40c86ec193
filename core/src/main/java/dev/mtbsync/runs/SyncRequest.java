package dev.mtbsync.runs;

import dev.mtbsync.align.Anchor;
import dev.mtbsync.align.Anchors;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.config.ConfigException;
import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.gps.GpsInputs;
import dev.mtbsync.markers.MarkerTransfer;
import dev.mtbsync.match.MatchConfig;
import java.nio.file.Path;
import java.util.List;

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
 * @param anchors pins the warp must pass through (none: empty); checked for conflicts here, before
 *     any decoding
 * @param proxy which file the new run's analysis decodes: the camera's low-resolution proxy beside
 *     it ({@link NewRunProxy#AUTO}, the default), the video itself, or a proxy named
 * @throws ConfigException when a config value is out of range: checked here, before any file is
 *     opened, so a bad value is told at once and not as a failed sync after minutes of decoding
 * @throws dev.mtbsync.align.AnchorConflictException when two pins are not monotone
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
    GpsInputs gps,
    List<Anchor> anchors,
    NewRunProxy proxy) {

  public SyncRequest {
    validate(refOrb, newOrb, match, warp, reviewThreshold);
    gps = gps == null ? GpsInputs.NONE : gps;
    proxy = proxy == null ? NewRunProxy.AUTO : proxy;
    anchors = anchors == null ? List.of() : List.copyOf(anchors);
    Anchors.of(anchors, 1 / 30.0); // refused now, not after minutes of decoding
  }

  /**
   * Checks the configuration of a sync (of one, or of each in a batch) before any decoding. The two
   * analyses are told apart by the parameter's name: "reference fps", "new fps".
   *
   * @throws ConfigException naming the first parameter out of range
   */
  static void validate(
      OrbConfig refOrb,
      OrbConfig newOrb,
      MatchConfig match,
      WarpConfig warp,
      double reviewThreshold) {
    named("reference ", () -> ConfigException.checked(refOrb::validate));
    named("new ", () -> ConfigException.checked(newOrb::validate));
    ConfigException.checked(match::validate);
    ConfigException.checked(warp::validate);
    MarkerTransfer.checkReviewThreshold(reviewThreshold);
  }

  /** Runs a check whose refusal names its parameter with {@code prefix} before it. */
  private static void named(String prefix, Runnable check) {
    try {
      check.run();
    } catch (ConfigException e) {
      throw new ConfigException(prefix + e.parameter(), e.problem(), e);
    }
  }

  /** A sync with the camera's proxy when one lies beside the new video. */
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
      double reviewThreshold,
      GpsInputs gps,
      List<Anchor> anchors) {
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
        gps,
        anchors,
        NewRunProxy.AUTO);
  }

  /** A sync without pins. */
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
      double reviewThreshold,
      GpsInputs gps) {
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
        gps,
        List.of());
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
