package dev.mtbsync.server.artefacts;

import dev.mtbsync.markers.MarkerCsv;
import dev.mtbsync.server.files.RootPath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One {@code new_markers*.csv} as the markers card and {@code /api/markers} show it.
 *
 * @param file the file, as a path under the root
 * @param markers its rows (empty when it could not be read)
 * @param warnings why it could not be read
 */
public record MarkerTable(String file, List<MarkerRow> markers, List<String> warnings) {

  public static MarkerTable read(RootPath root, Path file) {
    String rel = root.relative(file);
    try {
      return new MarkerTable(
          rel, MarkerCsv.readNew(file).stream().map(MarkerRow::of).toList(), List.of());
    } catch (IOException e) {
      return new MarkerTable(rel, List.of(), List.of(rel + ": " + Problems.oneLine(e, file)));
    }
  }

  /** Markers flagged for review. */
  public long toReview() {
    return markers.stream().filter(MarkerRow::needsReview).count();
  }
}
