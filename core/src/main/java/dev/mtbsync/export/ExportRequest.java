package dev.mtbsync.export;

import dev.mtbsync.config.ConfigException;
import java.nio.file.Path;

/**
 * One marker export to do. Null fields take their defaults, worked out by {@link MarkerExport}.
 *
 * @param markers transferred markers ({@code new_markers.csv})
 * @param preset the format
 * @param out the file to write; null: the markers file's name with the preset's suffix
 * @param fps the timeline rate; null: the video's own, or 29.97 when no video is known
 * @param dropFrame drop-frame timecode or not; null: as the video's own timecode is, else
 *     drop-frame wherever the rate allows it (29.97, 59.94)
 * @param startTc the timeline timecode of the clip's first frame; null: the preset's default
 *     (01:00:00:00 for Resolve and Avid, else 00:00:00:00)
 * @param reel the EDL reel name: 1 to 8 letters, digits or {@code _}
 * @param clipName the clip's name in the editor; null: the video's file name without extension
 * @param video the new run's video; null: the one the run folder's {@code run.json} names, if any
 * @param json also write the placement as JSON beside {@code out}
 * @param sectors make each marker a range up to the next one (the sectors of a run, gate to gate)
 *     in the formats that have range markers
 * @param chapters FCPXML only: write chapter markers (which Final Cut Pro exports as chapters of
 *     the movie) rather than plain markers
 */
public record ExportRequest(
    Path markers,
    ExportPreset preset,
    Path out,
    FrameRate fps,
    Boolean dropFrame,
    String startTc,
    String reel,
    String clipName,
    Path video,
    boolean json,
    boolean sectors,
    boolean chapters) {

  public static final String DEFAULT_REEL = "001";

  /** Point markers, plain in FCPXML. */
  public ExportRequest(
      Path markers,
      ExportPreset preset,
      Path out,
      FrameRate fps,
      Boolean dropFrame,
      String startTc,
      String reel,
      String clipName,
      Path video,
      boolean json) {
    this(markers, preset, out, fps, dropFrame, startTc, reel, clipName, video, json, false, false);
  }

  /** Every default: the video and rate from the run folder, the preset's own start. */
  public static ExportRequest of(Path markers, ExportPreset preset) {
    return new ExportRequest(
        markers, preset, null, null, null, null, DEFAULT_REEL, null, null, false);
  }

  /** The same request with the new video given. */
  public ExportRequest withVideo(Path newVideo) {
    return new ExportRequest(
        markers, preset, out, fps, dropFrame, startTc, reel, clipName, newVideo, json, sectors,
        chapters);
  }

  /** The same request with sectors (ranges gate to gate) and chapter markers as given. */
  public ExportRequest withMarkerKinds(boolean asSectors, boolean asChapters) {
    return new ExportRequest(
        markers,
        preset,
        out,
        fps,
        dropFrame,
        startTc,
        reel,
        clipName,
        video,
        json,
        asSectors,
        asChapters);
  }

  /**
   * Checks what can be checked without reading files.
   *
   * @throws ConfigException naming the bad value
   */
  public ExportRequest validate() {
    ConfigException.require(
        reel != null && reel.matches("[A-Za-z0-9_]{1,8}"),
        "reel",
        "must be 1 to 8 letters, digits or _ (CMX3600), got '" + reel + "'");
    ConfigException.require(
        clipName == null || !clipName.isBlank(), "clip name", "must not be empty");
    ConfigException.require(
        !chapters || preset == ExportPreset.FCPXML,
        "chapter markers",
        "are an FCPXML feature; use them with the fcpxml preset, not " + preset);
    ConfigException.require(
        out == null
            || !out.toAbsolutePath().normalize().equals(markers.toAbsolutePath().normalize()),
        "out",
        "must not be the markers file " + out + " (it would overwrite it)");
    return this;
  }
}
