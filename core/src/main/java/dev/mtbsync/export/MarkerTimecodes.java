package dev.mtbsync.export;

/**
 * A marker's time as an editor reads it on the new video: {@code HH:MM:SS:FF} counted from the
 * clip's first frame, with the rounding ({@link FrameRate#frameAt}) and labels ({@link Timecode})
 * every export uses, drop-frame where the rate allows it, as the exports default to for a clip
 * without a timecode of its own. So a page's timecode reads as the CSV export writes it.
 */
public final class MarkerTimecodes {

  private MarkerTimecodes() {}

  /** The labels the exports default to at {@code rate}: drop-frame at 29.97 and 59.94. */
  public static Timecode at(FrameRate rate) {
    return new Timecode(rate, rate.allowsDropFrame());
  }

  /** The label of the frame shown at {@code seconds} from the clip's start. */
  public static String label(Timecode tc, double seconds) {
    return tc.format(tc.rate().frameAt(seconds));
  }
}
