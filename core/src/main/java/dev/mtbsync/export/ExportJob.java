package dev.mtbsync.export;

import dev.mtbsync.markers.NewMarker;
import java.util.List;

/**
 * What a format writer is given: the markers already placed on frames, and where the clip sits.
 * Timeline frame counts are at {@code timecode.rate()}; the clip's own frame counts at {@code
 * source.timecode().rate()}, which differs when the timeline runs at another rate than the video.
 *
 * @param markers every marker as read, in file order (the CSV writes them all)
 * @param placed the markers that land on a frame of the clip, in frame order
 * @param skipped the markers left out, and why
 * @param merged the markers joined to another on their frame
 * @param timecode the timeline's rate and drop-frame mode
 * @param timelineStart the timeline timecode (as a frame count) at which the clip's first frame
 *     sits: where timeline markers (EDL record side, Avid, xmeml sequence) are counted from
 * @param source the clip as its own file describes it: its rate, start timecode, length and sound
 * @param clipFrames timeline frames that show some of the clip, -1 when unknown
 * @param clipName the name the clip and the timeline get in the editor
 * @param mediaUri the video as a {@code file:} URI, or null when unknown
 * @param width frame width in px, 0 when unknown
 * @param height frame height in px, 0 when unknown
 * @param reel the EDL reel name
 * @param chapters FCPXML: chapter markers rather than plain ones
 */
record ExportJob(
    List<NewMarker> markers,
    List<PlacedMarker> placed,
    List<SkippedMarker> skipped,
    List<MergedMarker> merged,
    Timecode timecode,
    long timelineStart,
    Media source,
    long clipFrames,
    String clipName,
    String mediaUri,
    int width,
    int height,
    String reel,
    boolean chapters) {

  /**
   * The clip's own side: what FCPXML's asset, xmeml's {@code <file>} and the EDL source columns
   * describe. The media keeps its rate and timecode whatever rate the timeline runs at.
   *
   * @param timecode the clip's rate and timecode mode (the timeline's when no video is known)
   * @param start the clip's own timecode at its first frame (GoPro's start timecode) as a frame
   *     count at its rate, 0 when the file states none
   * @param frames the clip's length in its own frames, -1 when unknown
   * @param audioChannels channels of its sound track, 0 when none
   * @param audioSampleRate samples per second of its sound track, 0 when none
   */
  record Media(Timecode timecode, long start, long frames, int audioChannels, int audioSampleRate) {

    FrameRate rate() {
      return timecode.rate();
    }

    boolean hasAudio() {
      return audioChannels > 0 && audioSampleRate > 0;
    }
  }

  FrameRate rate() {
    return timecode.rate();
  }

  /** True when the clip runs at another rate than the timeline. */
  boolean mixedRates() {
    return !source.rate().equals(rate());
  }

  /**
   * The clip's length in timeline frames; when unknown, one second past the last marker so that
   * every marker sits inside the clip the XML formats describe.
   */
  long lengthFrames() {
    if (clipFrames > 0) {
      return clipFrames;
    }
    long end = 0;
    for (PlacedMarker p : placed) {
      end = Math.max(end, p.frame() + p.duration());
    }
    return end + rate().timebase();
  }

  /** The clip's length in its own frames: its count when known, else {@link #lengthFrames()}. */
  long sourceLengthFrames() {
    if (source.frames() > 0) {
      return source.frames();
    }
    return mixedRates()
        ? (long) Math.ceil(rate().secondsOf(lengthFrames()) * source.rate().fps() - 1e-6)
        : lengthFrames();
  }

  /**
   * The clip's own frame a marker lands on: its timeline frame when the rates agree, else the
   * clip's frame nearest the marker's time (so the clip's label is within half of the clip's own
   * frame of the marker, not of a timeline frame).
   */
  long sourceFrame(PlacedMarker p) {
    if (!mixedRates()) {
      return p.frame();
    }
    long f = Math.max(0, source.rate().frameAt(p.marker().tNew()));
    return source.frames() > 0 ? Math.min(f, source.frames() - 1) : f;
  }

  /**
   * The clip's own frame just after a marker's span (its source out): the span lasts as long as the
   * timeline's, in the clip's whole frames, at least one.
   */
  long sourceEnd(PlacedMarker p) {
    if (!mixedRates()) {
      return p.frame() + p.duration();
    }
    return sourceFrame(p) + Math.max(1, source.rate().frameAt(rate().secondsOf(p.duration())));
  }

  /** The timeline label of a timeline frame counted from the clip's first. */
  String timelineLabel(long frame) {
    return timecode.format(timelineStart + frame);
  }

  /** The clip's own label of one of its own frames. */
  String sourceLabel(long sourceFrame) {
    return source.timecode().format(source.start() + sourceFrame);
  }
}
