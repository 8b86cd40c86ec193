package dev.mtbsync.server.artefacts;

import dev.mtbsync.artefacts.RegressionJson;
import dev.mtbsync.quality.QualityMetric;
import dev.mtbsync.quality.RegressionFile;
import dev.mtbsync.server.files.RootPath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ROOT/regression.json} as the regression card shows it.
 *
 * @param present the file exists (it may still be unreadable)
 * @param file the file, null when missing or unreadable
 * @param status ok, warn, fail or learning; null when unknown
 * @param runId the run judged
 * @param rows current against baseline, one per metric
 * @param reasons the verdict's reasons
 * @param baselineWindow runs the baseline was taken over
 * @param historySize runs in the history before the one judged
 * @param warnings why the file could not be read (or that there is none yet)
 */
public record RegressionView(
    boolean present,
    RegressionJson file,
    String status,
    String runId,
    List<Row> rows,
    List<String> reasons,
    Integer baselineWindow,
    Integer historySize,
    List<String> warnings) {

  /** One metric: current, baseline and their difference (null where unknown). */
  public record Row(String key, String label, Double current, Double baseline, Double delta) {
    /** The change relative to the baseline, in percent; null when it has none. */
    public Double deltaPct() {
      return delta == null || baseline == null || baseline == 0 ? null : 100 * delta / baseline;
    }
  }

  public static RegressionView read(RootPath root) {
    Path file = root.root().resolve(RegressionFile.FILE);
    RegressionJson f;
    try {
      Optional<Path> there = root.artefact(file);
      if (there.isEmpty()) {
        return empty(
            false, "no " + RegressionFile.FILE + " yet: a sync that passes its gates writes one");
      }
      f = RegressionJson.read(there.get());
    } catch (IOException e) {
      return empty(true, RegressionFile.FILE + ": " + Problems.oneLine(e, file));
    }
    List<Row> rows = new ArrayList<>();
    for (QualityMetric m : QualityMetric.values()) {
      rows.add(
          new Row(
              m.key(),
              m.label(),
              f.current().get(m.key()),
              f.baseline().get(m.key()),
              f.deltas().get(m.key())));
    }
    String status = f.status();
    List<String> warnings = new ArrayList<>();
    if (status == null || !status.matches("ok|warn|fail|learning")) {
      warnings.add(
          RegressionFile.FILE + ": status '" + status + "' is not ok, warn, fail or learning");
      status = null;
    }
    return new RegressionView(
        true,
        f,
        status,
        f.runId(),
        List.copyOf(rows),
        f.reasons(),
        f.baselineWindow(),
        f.historySize(),
        List.copyOf(warnings));
  }

  private static RegressionView empty(boolean present, String warning) {
    return new RegressionView(
        present, null, null, null, List.of(), List.of(), null, null, List.of(warning));
  }
}
