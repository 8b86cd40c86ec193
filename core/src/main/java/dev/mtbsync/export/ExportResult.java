package dev.mtbsync.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an export wrote.
 *
 * @param file the file written
 * @param jsonFile the JSON placement written beside it, or null
 * @param preset the format
 * @param timecode the rate and drop-frame mode used
 * @param timelineStart the timeline timecode of the clip's first frame
 * @param clipStart the clip's own start timecode, or null when the video states none
 * @param video the video the clip facts came from, or null
 * @param written how many markers the file holds
 * @param skipped the markers left out, and why
 * @param merged the markers joined to another on the same frame (formats that keep one per frame)
 * @param notes assumptions the user should know of (e.g. a rate assumed without a video)
 */
public record ExportResult(
    Path file,
    Path jsonFile,
    ExportPreset preset,
    Timecode timecode,
    String timelineStart,
    String clipStart,
    Path video,
    int written,
    List<SkippedMarker> skipped,
    List<MergedMarker> merged,
    List<String> notes) {

  /**
   * Every marker the file does not hold as it was, one line each, for the user to read: {@code left
   * out NAME: reason} and {@code joined NAME to OTHER at TC: ...}.
   */
  public List<String> problems() {
    List<String> lines = new ArrayList<>();
    for (SkippedMarker s : skipped) {
      lines.add("left out " + s.name() + ": " + s.reason());
    }
    for (MergedMarker m : merged) {
      lines.add(
          String.format(
              Locale.ROOT,
              "joined %s to %s at %s: both land on that frame, and %s keeps one marker per frame",
              m.name(),
              m.into(),
              m.timecode(),
              preset));
    }
    return lines;
  }
}
