package dev.mtbsync.quality;

import dev.mtbsync.quality.RegressionVerdict.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The CI quality gate: judges the newest run of a batch root's history against the runs before it
 * ({@link RegressionGate}; a nested root's newest history, as {@link QualityHistories#newest}) and
 * turns the verdict into a status a CI job acts on. Reads only.
 *
 * <p>Verdict to status: ok is PASS, warn is WARN, fail is FAIL, or WARN_LEARNING while the history
 * holds fewer than {@link GateConfig#learningRuns()} runs (the Python tool's guard against failing
 * builds on a baseline still being collected). Too few runs for any baseline ({@link
 * RegressionThresholds#minHistory()}) and no history are NO_DATA; a missing root, an unreadable
 * history, or one without a single usable record are ERROR.
 */
public final class QualityGate {

  private QualityGate() {}

  /** Never throws for bad input: the problem is the result's status and message. */
  public static GateResult evaluate(Path root, GateConfig config) {
    config.validate();
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    if (!Files.isDirectory(root)) {
      String why = Files.exists(root) ? ": not a folder" : ": no such file or folder";
      return new GateResult(GateStatus.ERROR, now, root, config, 0, null, root + why, List.of());
    }
    QualityHistories.Found found;
    try {
      found = QualityHistories.newest(root);
    } catch (IOException e) {
      return new GateResult(
          GateStatus.ERROR, now, root, config, 0, null, root + ": " + e.getMessage(), List.of());
    }
    QualityHistory.Loaded history =
        found == null ? new QualityHistory.Loaded(List.of(), List.of(), false) : found.loaded();
    List<String> problems = history.problems();
    if (history.unreadable()) {
      return new GateResult(
          GateStatus.ERROR, now, root, config, 0, null, problems.get(0), List.of());
    }
    List<QualityRecord> records = history.records();
    if (records.isEmpty() && !problems.isEmpty()) {
      return new GateResult(
          GateStatus.ERROR,
          now,
          root,
          config,
          0,
          null,
          found.file() + ": no usable record (" + problems.get(0) + ")",
          problems);
    }
    if (records.isEmpty()) {
      return new GateResult(
          GateStatus.NO_DATA,
          now,
          root,
          config,
          0,
          null,
          "no quality history in " + root + " (sync or batch into it first)",
          problems);
    }
    RegressionVerdict v =
        RegressionGate.evaluate(
            records.get(records.size() - 1),
            records.subList(0, records.size() - 1),
            config.thresholds());
    int n = records.size();
    boolean learning = n < config.learningRuns();
    GateStatus status =
        switch (v.status()) {
          case LEARNING -> GateStatus.NO_DATA;
          case OK -> GateStatus.PASS;
          case WARN -> GateStatus.WARN;
          case FAIL -> learning ? GateStatus.WARN_LEARNING : GateStatus.FAIL;
        };
    String message;
    if (v.status() == Status.LEARNING) {
      message = "too little history for a baseline: " + v.reasons().get(0);
    } else if (learning) {
      message =
          String.format(
              Locale.ROOT,
              "Learning mode: only %d run%s in history (need %d for hard-fail)",
              n,
              n == 1 ? "" : "s",
              config.learningRuns());
    } else {
      message = null;
    }
    return new GateResult(status, now, root, config, n, v, message, problems);
  }
}
