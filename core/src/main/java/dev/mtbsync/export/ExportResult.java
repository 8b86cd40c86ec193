package dev.mtbsync.export;

import java.nio.file.Path;
import java.util.List;

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
    List<String> notes) {}
