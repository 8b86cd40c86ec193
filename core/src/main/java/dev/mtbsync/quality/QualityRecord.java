package dev.mtbsync.quality;

import dev.mtbsync.align.WarpQuality;
import dev.mtbsync.runs.Perf;
import dev.mtbsync.runs.SyncResult;
import java.time.Instant;

/**
 * One successful sync in {@code quality_history.json}: its warp quality and speed.
 *
 * @param runId the run folder's name (its path under the root where a nested history is read)
 * @param timestamp when it was recorded (ISO-8601)
 * @param newVideo the new run's file name
 * @param p90Sec P90 residual of the warp (s)
 * @param ppm average speed ratio of the warp, (a - 1) x 10^6 (signed; gates use its size)
 * @param inlierFrac share of pairs supporting the warp (0 to 1)
 * @param fps frames processed per second of sync
 * @param cpuPct process CPU, percent of one core
 * @param rssMb peak resident memory (MB)
 * @param gpuUtil mean GPU utilisation (percent), null without NVML
 * @param gpuMemMb peak GPU memory (MB), null without NVML
 */
public record QualityRecord(
    String runId,
    String timestamp,
    String newVideo,
    Double p90Sec,
    Double ppm,
    Double inlierFrac,
    Double fps,
    Double cpuPct,
    Double rssMb,
    Double gpuUtil,
    Double gpuMemMb)
    implements java.io.Serializable { // shipped from a Spark worker to the driver

  /** The record of a sync that produced a warp. */
  public static QualityRecord of(SyncResult r, String newVideo) {
    WarpQuality q = r.quality();
    Perf p = r.perf();
    return new QualityRecord(
        r.runDir().getFileName().toString(),
        Instant.now().toString(),
        newVideo,
        q == null ? null : round(q.p90(), 6),
        q == null ? null : round(q.ppm(), 1),
        q == null ? null : round(q.inlierFrac(), 4),
        round(p.fps(), 3),
        Double.isNaN(p.cpuPct()) ? null : round(p.cpuPct(), 1),
        p.rssMb(),
        p.gpuUtil(),
        p.gpuMemMb());
  }

  /** This record with another run id (a nested root names runs by their path under it). */
  public QualityRecord withRunId(String id) {
    return new QualityRecord(
        id, timestamp, newVideo, p90Sec, ppm, inlierFrac, fps, cpuPct, rssMb, gpuUtil, gpuMemMb);
  }

  private static Double round(double v, int digits) {
    if (!Double.isFinite(v)) {
      return null;
    }
    double s = Math.pow(10, digits);
    return Math.round(v * s) / s;
  }
}
