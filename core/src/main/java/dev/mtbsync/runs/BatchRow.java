package dev.mtbsync.runs;

import dev.mtbsync.align.WarpQuality;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * One pair of a batch, a row of {@code batch_summary.csv}. Serializable: a distributed engine
 * (dev.mtbsync.engine.BatchEngine) ships rows from its workers back to the driver.
 *
 * @param video the new run's file name
 * @param status {@code ok} (synced: a run folder exists), {@code failed} (no run folder: see error)
 *     or {@code interrupted} (the batch was stopped first)
 * @param runId the run folder's name, null unless synced
 * @param timewarpOk the warp passed its gates, null unless synced
 * @param p90 P90 residual (s), null without a fit
 * @param ppm average speed drift (ppm), null without a fit
 * @param inlierFrac share of pairs supporting the warp, null without a fit
 * @param decodeSec decode stage (s), null unless synced
 * @param retrievalSec retrieval stage (s)
 * @param warpSec warp stage (s)
 * @param markersSec marker stage (s)
 * @param totalSec the whole sync (s)
 * @param regression the quality history's verdict (ok, warn, fail, learning), empty when not
 *     tracked
 * @param error why the pair failed, empty otherwise
 */
public record BatchRow(
    String video,
    String status,
    String runId,
    Boolean timewarpOk,
    Double p90,
    Double ppm,
    Double inlierFrac,
    Double decodeSec,
    Double retrievalSec,
    Double warpSec,
    Double markersSec,
    Double totalSec,
    String regression,
    String error)
    implements Serializable {

  public static final String OK = "ok";
  public static final String FAILED = "failed";
  public static final String INTERRUPTED = "interrupted";

  /** The row of a pair that synced (its run folder exists). */
  public static BatchRow synced(Path video, SyncResult r, String regression) {
    WarpQuality q = r.quality();
    Perf p = r.perf();
    return new BatchRow(
        video.getFileName().toString(),
        OK,
        r.runDir().getFileName().toString(),
        r.ok(),
        q == null ? null : q.p90(),
        q == null ? null : q.ppm(),
        q == null ? null : q.inlierFrac(),
        p.decodeSec(),
        p.retrievalSec(),
        p.warpSec(),
        p.markersSec(),
        p.totalSec(),
        regression == null ? "" : regression,
        r.ok() ? "" : String.join("; ", r.problems()));
  }

  /** The row of a pair that failed (no run folder). */
  public static BatchRow failed(Path video, String error) {
    return notRun(video, FAILED, error);
  }

  /** The row of a pair a stopped batch never finished (no run folder). */
  public static BatchRow interrupted(Path video) {
    return notRun(video, INTERRUPTED, "");
  }

  private static BatchRow notRun(Path video, String status, String error) {
    return new BatchRow(
        video.getFileName().toString(),
        status,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "",
        error);
  }
}
