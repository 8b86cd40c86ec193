package dev.mtbsync.export;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SMPTE timecode labels at one rate: frame counts to {@code HH:MM:SS:FF} and back.
 *
 * <p>Drop-frame (29.97 and 59.94 only, written with {@code ;} before the frames) skips the labels
 * {@code ;00}-{@code ;01} (59.94: {@code ;00}-{@code ;03}) at the start of every minute except each
 * tenth, so that the label keeps up with the clock; no frames are dropped, only labels. Labels wrap
 * at 24 hours, as timecode does.
 *
 * @param rate the frame rate
 * @param dropFrame drop-frame labels; only where {@link FrameRate#allowsDropFrame()}
 */
public record Timecode(FrameRate rate, boolean dropFrame) {

  private static final Pattern LABEL =
      Pattern.compile("(\\d{1,2}):(\\d{2}):(\\d{2})([:;.,])(\\d{2})");

  public Timecode {
    if (dropFrame && !rate.allowsDropFrame()) {
      throw new IllegalArgumentException(
          "drop-frame timecode exists only at 29.97 and 59.94 fps, not at " + rate);
    }
  }

  /**
   * True when a label is written drop-frame ({@code ;}, {@code .} or {@code ,} before the frames),
   * as FFmpeg reports a drop-frame source timecode.
   */
  public static boolean isDropFrameLabel(String label) {
    Matcher m = LABEL.matcher(label.trim());
    return m.matches() && m.group(4).charAt(0) != ':';
  }

  /** Labels skipped at each minute: 2 at 29.97, 4 at 59.94, 0 for non-drop. */
  private int dropped() {
    return dropFrame ? rate.timebase() / 15 : 0;
  }

  /** Frames in 24 hours of labels. */
  public long framesPerDay() {
    // 144 blocks of ten minutes, each skipping 'dropped' labels in nine of its minutes
    return 144 * (rate.timebase() * 600L - 9L * dropped());
  }

  /** Writes frame {@code frame} (counted from 00:00:00:00) as a label. */
  public String format(long frame) {
    int base = rate.timebase();
    long f = Math.floorMod(frame, framesPerDay());
    int drop = dropped();
    if (drop > 0) {
      long perTenMinutes = base * 600L - 9L * drop;
      long perMinute = base * 60L - drop;
      long tens = f / perTenMinutes;
      long rest = f % perTenMinutes;
      // the first minute of each ten keeps all its labels; the others skip the first 'drop'
      f += 9L * drop * tens + (rest < drop ? 0 : drop * ((rest - drop) / perMinute));
    }
    long seconds = f / base;
    char[] label = new char[11];
    twoDigits(label, 0, seconds / 3600);
    label[2] = ':';
    twoDigits(label, 3, seconds / 60 % 60);
    label[5] = ':';
    twoDigits(label, 6, seconds % 60);
    label[8] = drop > 0 ? ';' : ':';
    twoDigits(label, 9, f % base);
    return new String(label);
  }

  private static void twoDigits(char[] into, int at, long value) {
    into[at] = (char) ('0' + value / 10);
    into[at + 1] = (char) ('0' + value % 10);
  }

  /**
   * Reads a label ({@code HH:MM:SS:FF} or {@code HH:MM:SS;FF}) as a frame count from 00:00:00:00.
   * The digits are read in this timecode's mode whatever the separator, so {@code 01:00:00:00}
   * given for a drop-frame timeline means the label {@code 01:00:00;00}.
   *
   * @throws IllegalArgumentException when it is not a label that exists at this rate
   */
  public long parse(String label) {
    Matcher m = LABEL.matcher(label.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "timecode '" + label + "' is not HH:MM:SS:FF (HH:MM:SS;FF for drop-frame)");
    }
    int hh = Integer.parseInt(m.group(1));
    int mm = Integer.parseInt(m.group(2));
    int ss = Integer.parseInt(m.group(3));
    int ff = Integer.parseInt(m.group(5));
    int base = rate.timebase();
    if (hh > 23 || mm > 59 || ss > 59 || ff >= base) {
      throw new IllegalArgumentException(
          "timecode '"
              + label
              + "' is out of range at "
              + rate
              + " (frames 00-"
              + (base - 1)
              + ")");
    }
    int drop = dropped();
    if (drop > 0 && ss == 0 && ff < drop && mm % 10 != 0) {
      throw new IllegalArgumentException(
          "timecode '"
              + label
              + "' does not exist in drop-frame (labels ;00-;0"
              + (drop - 1)
              + " are skipped at each minute not divisible by 10)");
    }
    long minutes = 60L * hh + mm;
    return ((hh * 60L + mm) * 60 + ss) * base + ff - drop * (minutes - minutes / 10);
  }
}
