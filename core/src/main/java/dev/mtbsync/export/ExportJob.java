package dev.mtbsync.export;

import dev.mtbsync.markers.NewMarker;
import java.util.List;

/**
 * What a format writer is given: the markers already placed on frames, and where the clip sits.
 * Frame counts are at {@code timecode.rate()}.
 *
 * @param markers every marker as read, in file order (the CSV writes them all)
 * @param placed the markers that land on a frame of the clip, in frame order
 * @param skipped the markers left out, and why
 * @param merged the markers joined to another on their frame
 * @param timecode the rate and drop-frame mode labels are written in
 * @param timelineStart the timeline timecode (as a frame count) at which the clip's first frame
 *     sits: where timeline markers (EDL record side, Avid, xmeml sequence) are counted from
 * @param sourceStart the clip's own timecode at its first frame (GoPro's start timecode), 0 when
 *     the file states none: where clip-relative times (FCPXML asset, xmeml file, EDL source side)
 *     are counted from
 * @param clipFrames timeline frames that show some of the clip, -1 when unknown
 * @param clipName the name the clip and the timeline get in the editor
 * @param mediaUri the video as a {@code file:} URI, or null when unknown
 * @param width frame width in px, 0 when unknown
 * @param height frame height in px, 0 when unknown
 * @param reel the EDL reel name
 */
record ExportJob(
    List<NewMarker> markers,
    List<PlacedMarker> placed,
    List<SkippedMarker> skipped,
    List<MergedMarker> merged,
    Timecode timecode,
    long timelineStart,
    long sourceStart,
    long clipFrames,
    String clipName,
    String mediaUri,
    int width,
    int height,
    String reel) {

  FrameRate rate() {
    return timecode.rate();
  }

  /**
   * The clip's length in frames; when unknown, one second past the last marker so that every marker
   * sits inside the clip the XML formats describe.
   */
  long lengthFrames() {
    if (clipFrames > 0) {
      return clipFrames;
    }
    long last = placed.isEmpty() ? 0 : placed.get(placed.size() - 1).frame();
    return last + 1 + rate().timebase();
  }

  /** The timeline label of a clip frame. */
  String timelineLabel(long frame) {
    return timecode.format(timelineStart + frame);
  }

  /** The clip's own label of a clip frame. */
  String sourceLabel(long frame) {
    return timecode.format(sourceStart + frame);
  }
}
