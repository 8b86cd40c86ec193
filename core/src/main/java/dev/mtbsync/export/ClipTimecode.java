package dev.mtbsync.export;

import java.util.List;

/**
 * The new video's own start timecode, as a frame count at the export's rate.
 *
 * @param frames the start timecode as a frame count from 00:00:00:00
 * @param dropFrame whether the file states it drop-frame
 */
record ClipTimecode(long frames, boolean dropFrame) {

  /**
   * Reads the clip's stated start timecode at the clip's own rate, then converts it to {@code rate}
   * when the export runs at another; null when the clip states none, or one that cannot be read
   * (which goes into {@code notes}).
   */
  static ClipTimecode of(SourceClip clip, FrameRate rate, List<String> notes) {
    if (clip == null || clip.startTimecode() == null) {
      return null;
    }
    String label = clip.startTimecode();
    FrameRate own = FrameRate.nearest(clip.fps()).orElse(rate);
    boolean df = Timecode.isDropFrameLabel(label) && own.allowsDropFrame();
    try {
      long frames = new Timecode(own, df).parse(label);
      return new ClipTimecode(own.equals(rate) ? frames : rate.frameAt(own.secondsOf(frames)), df);
    } catch (IllegalArgumentException e) {
      notes.add("the video's start timecode '" + label + "' was ignored: " + e.getMessage());
      return null;
    }
  }
}
