package dev.mtbsync.server.artefacts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.io.ArtefactJson;
import dev.mtbsync.match.TimePair;
import dev.mtbsync.runs.PairsCsv;
import dev.mtbsync.runs.TimewarpFile;
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
 * @param fields timewarp.json as it is (null when missing or unreadable)
 * @param warp its mapping (null when it has none or it is invalid)
 * @param kept the pairs the warp kept ({@code pairs.csv}), t_new/t_ref/confidence
 * @param raw every pair tried ({@code pairs_raw.csv})
 * @param warnings one line per artefact that could not be read
 */
public record TimewarpView(
    String runId,
    JsonNode fields,
    MonotoneWarp warp,
    List<TimePair> kept,
    List<TimePair> raw,
    List<String> warnings) {

  public static TimewarpView read(RootPath root, Path runDir) {
    List<String> warnings = new ArrayList<>();
    Path file = runDir.resolve(RunSummaries.TIMEWARP);
    JsonNode fields = null;
    MonotoneWarp warp = null;
    try {
      Optional<Path> there = root.artefact(file);
      if (there.isEmpty()) {
        warnings.add(root.relative(file) + ": missing");
      } else {
        fields = ArtefactJson.readObject(there.get());
        if (fields.path("mapping").isObject()) {
          warp = TimewarpFile.read(there.get());
        }
      }
    } catch (IOException e) {
      warnings.add(root.relative(file) + ": " + Problems.oneLine(e, file));
    }
    return new TimewarpView(
        root.relative(runDir),
        fields,
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

  /** A number field of timewarp.json by dotted path ({@code residuals.p90}), null when absent. */
  public Double number(String path) {
    JsonNode n = fields;
    for (String part : path.split("\\.")) {
      n = n == null ? null : n.get(part);
    }
    return JsonFields.number(n);
  }

  /** {@code ok}, null when unknown. */
  public Boolean ok() {
    return fields == null ? null : JsonFields.bool(fields.get("ok"));
  }

  /** Why the warp is not ok. */
  public List<String> reasons() {
    List<String> out = new ArrayList<>();
    if (fields != null) {
      fields.path("reasons").forEach(r -> out.add(r.asText()));
    }
    return out;
  }
}
