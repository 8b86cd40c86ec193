package dev.mtbsync.server.artefacts;

import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.artefacts.TimewarpJson;
import dev.mtbsync.match.TimePair;
import dev.mtbsync.runs.PairsCsv;
import dev.mtbsync.server.files.RootPath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A run's warp as the timewarp card and {@code /api/timewarp} show it: the fields of {@code
 * timewarp.json}, its mapping, and the pairs it was fitted to.
 *
 * @param runId the run
 * @param file timewarp.json (null when missing or unreadable)
 * @param warp its mapping (null when it has none or it is invalid)
 * @param kept the pairs the warp kept ({@code pairs.csv}), t_new/t_ref/confidence
 * @param raw every pair tried ({@code pairs_raw.csv})
 * @param warnings one line per artefact that could not be read
 */
public record TimewarpView(
    String runId,
    TimewarpJson file,
    MonotoneWarp warp,
    List<TimePair> kept,
    List<TimePair> raw,
    List<String> warnings) {

  public static TimewarpView read(RootPath root, Path runDir) {
    List<String> warnings = new ArrayList<>();
    Path file = runDir.resolve(TimewarpJson.NAME);
    TimewarpJson tw = null;
    MonotoneWarp warp = null;
    try {
      Optional<Path> there = root.artefact(file);
      if (there.isEmpty()) {
        warnings.add(root.relative(file) + ": missing");
      } else {
        tw = TimewarpJson.read(there.get());
        if (tw.fitted()) {
          warp = tw.warp(there.get());
        }
      }
    } catch (IOException e) {
      warnings.add(root.relative(file) + ": " + Problems.oneLine(e, file));
    }
    return new TimewarpView(
        root.relative(runDir),
        tw,
        warp,
        pairs(root, runDir.resolve("pairs.csv"), warnings),
        pairs(root, runDir.resolve("pairs_raw.csv"), warnings),
        List.copyOf(warnings));
  }

  private static List<TimePair> pairs(RootPath root, Path file, List<String> warnings) {
    try {
      Optional<Path> there = root.artefact(file);
      return there.isPresent() ? PairsCsv.read(there.get()) : List.of();
    } catch (IOException e) {
      warnings.add(root.relative(file) + ": " + Problems.oneLine(e, file));
      return List.of();
    }
  }

  /** {@code ok}, null when unknown. */
  public Boolean ok() {
    return file == null ? null : file.ok();
  }

  /** Why the warp is not ok. */
  public List<String> reasons() {
    return file == null ? List.of() : file.reasons();
  }
}
