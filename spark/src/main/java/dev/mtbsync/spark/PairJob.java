package dev.mtbsync.spark;

import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.match.MatchConfig;
import dev.mtbsync.runs.BatchRunner;
import dev.mtbsync.telemetry.TelemetryConfig;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * What every task of a batch shares: {@link BatchRunner.Config} in a form Java serialization ships
 * to the workers (paths as strings: {@link Path} is not serializable).
 *
 * @param reference the reference video (the same path on every worker)
 * @param refMarkers reference markers CSV, or null
 * @param root the batch root (the same path on every worker)
 * @param refOrb analysis of the reference
 * @param newOrb analysis of each new run
 * @param match pair finding, its threads shared among the tasks that run at once
 * @param warp warp fit and gates
 * @param reviewThreshold transferred markers below this confidence are flagged
 * @param telemetry resource sampling of each sync
 */
record PairJob(
    String reference,
    String refMarkers,
    String root,
    OrbConfig refOrb,
    OrbConfig newOrb,
    MatchConfig match,
    WarpConfig warp,
    double reviewThreshold,
    TelemetryConfig telemetry)
    implements Serializable {

  /**
   * The job of a batch whose tasks run {@code parallel} at once per cluster: each gets its share of
   * the match threads, as the plain batch shares them among its jobs.
   */
  static PairJob of(BatchRunner.Config c, int parallel) {
    MatchConfig m = c.match();
    int threads = Math.max(1, m.threads() / Math.max(1, parallel));
    return new PairJob(
        c.reference().toAbsolutePath().toString(),
        c.refMarkers() == null ? null : c.refMarkers().toAbsolutePath().toString(),
        c.outRoot().toAbsolutePath().toString(),
        c.refOrb(),
        c.newOrb(),
        new MatchConfig(m.searchSamples(), m.minInliers(), threads, m.estimateLens()),
        c.warp(),
        c.reviewThreshold(),
        c.telemetry());
  }

  Path referencePath() {
    return Path.of(reference);
  }

  Path refMarkersPath() {
    return refMarkers == null ? null : Path.of(refMarkers);
  }

  Path rootPath() {
    return Path.of(root);
  }
}
