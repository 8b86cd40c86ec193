package dev.mtbsync.export;

import java.util.List;

/**
 * The new video's own start timecode, at the video's own rate.
 *
 * @param timecode the video's rate and whether the file states its timecode drop-frame
 * @param frames the start timecode as a frame count from 00:00:00:00 at that rate
 */
record ClipTimecode(Timecode timecode, long frames) {

  /**
   * Reads the clip's stated start timecode at {@code own}, the clip's own rate (not the timeline's:
   * the media keeps its timecode whatever the timeline runs at); null when the clip states none, or
   * one that cannot be read (which goes into {@code notes}).
   */
  static ClipTimecode of(SourceClip clip, FrameRate own, List<String> notes) {
    if (clip == null || clip.startTimecode() == null) {
      return null;
    }
    String label = clip.startTimecode();
    boolean df = Timecode.isDropFrameLabel(label) && own.allowsDropFrame();
    try {
      Timecode tc = new Timecode(own, df);
      return new ClipTimecode(tc, tc.parse(label));
    } catch (IllegalArgumentException e) {
      notes.add("the video's start timecode '" + label + "' was ignored: " + e.getMessage());
      return null;
    }
  }

  boolean dropFrame() {
    return timecode.dropFrame();
  }

  /** The label of the clip's first frame, e.g. {@code 19:26:48:04}. */
  String label() {
    return timecode.format(frames);
  }
}
