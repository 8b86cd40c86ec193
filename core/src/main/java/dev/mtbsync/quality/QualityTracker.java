package dev.mtbsync.quality;

import dev.mtbsync.runs.SyncResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code sync} and {@code batch} do after each run: a successful sync is added to the root's
 * quality history and judged against the runs before it; the verdict goes to {@code
 * regression.json}. History, verdict and file are settled under the history's lock, so syncs
 * running at once each see the others' records.
 */
public final class QualityTracker {

  /**
   * @param verdict how the run compares with the baseline
   * @param problems what was wrong with the history (skipped records, an unreadable file set aside)
   */
  public record Tracked(RegressionVerdict verdict, List<String> problems) {}

  private QualityTracker() {}

  /**
   * Records a sync; returns null, recording nothing, when it may not enter the history ({@link
   * SyncResult#trackable()}: it did not pass its gates, or a video was cut short).
   */
  public static Tracked record(
      Path root, SyncResult result, String newVideo, RegressionThresholds thresholds)
      throws IOException {
    if (!result.trackable()) {
      return null;
    }
    return record(root, QualityRecord.of(result, newVideo), thresholds);
  }

  /** Appends {@code record}, judges it and writes regression.json. */
  public static Tracked record(Path root, QualityRecord record, RegressionThresholds thresholds)
      throws IOException {
    thresholds.validate();
    return QualityHistory.append(
        root,
        record,
        prior -> {
          RegressionVerdict v = RegressionGate.evaluate(record, prior.records(), thresholds);
          RegressionFile.write(root, v);
          return new Tracked(v, prior.problems());
        });
  }
}
