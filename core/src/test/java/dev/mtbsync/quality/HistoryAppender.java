package dev.mtbsync.quality;

import java.nio.file.Path;

/** A separate process appending to a history, for the concurrency test: ROOT COUNT TAG. */
public final class HistoryAppender {

  private HistoryAppender() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    for (int i = 0; i < count; i++) {
      QualityTracker.record(
          root,
          RegressionGateTest.run(args[2] + "-" + i, 0.05, 100, 0.9),
          RegressionThresholds.DEFAULT);
    }
  }
}
