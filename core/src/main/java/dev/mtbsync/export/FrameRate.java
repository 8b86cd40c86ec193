package dev.mtbsync.export;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An editor timeline rate as an exact fraction {@code num/den} frames per second, with its timecode
 * base. Only the rates editors offer for timelines are allowed, so every export can write them
 * exactly (FCPXML frame durations, xmeml timebase and NTSC flag).
 *
 * <p>DESIGN NOTE: exact integers, not doubles: a 29.97 fps timeline written as 29.97 drifts by a
 * frame every 33 s against the real 30000/1001.
 *
 * @param num frames in {@code den} seconds, e.g. 30000
 * @param den seconds, e.g. 1001
 */
public record FrameRate(int num, int den) {

  public static final FrameRate FPS_23_976 = new FrameRate(24000, 1001);
  public static final FrameRate FPS_24 = new FrameRate(24, 1);
  public static final FrameRate FPS_25 = new FrameRate(25, 1);
  public static final FrameRate FPS_29_97 = new FrameRate(30000, 1001);
  public static final FrameRate FPS_30 = new FrameRate(30, 1);
  public static final FrameRate FPS_50 = new FrameRate(50, 1);
  public static final FrameRate FPS_59_94 = new FrameRate(60000, 1001);
  public static final FrameRate FPS_60 = new FrameRate(60, 1);

  /** Every supported rate, slowest first. */
  public static final List<FrameRate> ALL =
      List.of(FPS_23_976, FPS_24, FPS_25, FPS_29_97, FPS_30, FPS_50, FPS_59_94, FPS_60);

  /**
   * How close (relative) a measured rate must be to a supported one to be taken as it: well under
   * half the 0.1% between 23.976 and 24, and above the drift of a variable-rate phone's average.
   */
  private static final double SNAP_TOLERANCE = 0.0004;

  public FrameRate {
    if (!(den == 1 || den == 1001) || num <= 0) {
      throw new IllegalArgumentException("not an editor frame rate: " + num + "/" + den);
    }
  }

  /**
   * Reads a rate as a user writes it: {@code 23.976}, {@code 23.98}, {@code 29.97}, {@code 25},
   * {@code 59.94}, or a fraction such as {@code 30000/1001}.
   *
   * @throws IllegalArgumentException naming the supported rates
   */
  public static FrameRate parse(String text) {
    String t = text.trim();
    double fps;
    try {
      int slash = t.indexOf('/');
      fps =
          slash < 0
              ? Double.parseDouble(t)
              : Double.parseDouble(t.substring(0, slash))
                  / Double.parseDouble(t.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw unsupported("'" + text + "'");
    }
    return nearest(fps).orElseThrow(() -> unsupported(text));
  }

  /**
   * The supported rate a video's measured rate stands for (29.97002997 is 30000/1001), or empty
   * when it is none of them (e.g. 119.88 fps high-speed footage).
   */
  public static Optional<FrameRate> nearest(double fps) {
    return ALL.stream()
        .filter(r -> Math.abs(fps - r.fps()) <= SNAP_TOLERANCE * r.fps())
        .findFirst();
  }

  private static IllegalArgumentException unsupported(String what) {
    return new IllegalArgumentException(
        "frame rate "
            + what
            + " is not one editors use; give one of "
            + String.join(", ", ALL.stream().map(FrameRate::label).toList()));
  }

  /** Frames per second as a double (for display and plotting only). */
  public double fps() {
    return (double) num / den;
  }

  /** The integer rate timecode counts in: 24, 25, 30, 50 or 60. */
  public int timebase() {
    return (num + den - 1) / den;
  }

  /** True for the 1000/1001 rates (23.976, 29.97, 59.94): xmeml's {@code ntsc} flag. */
  public boolean ntsc() {
    return den == 1001;
  }

  /** Drop-frame timecode exists only at 29.97 and 59.94. */
  public boolean allowsDropFrame() {
    return ntsc() && (timebase() == 30 || timebase() == 60);
  }

  /**
   * The frame shown at {@code seconds} from the clip's start: the nearest frame, a time exactly
   * halfway going to the later one. This is the one rounding rule every export uses.
   */
  public long frameAt(double seconds) {
    return Math.round(seconds * num / den);
  }

  /** The start of frame {@code frame} in seconds. */
  public double secondsOf(long frame) {
    return (double) frame * den / num;
  }

  /** How users write it: 23.976, 24, 29.97, 59.94 ... */
  public String label() {
    if (den == 1) {
      return Integer.toString(num);
    }
    return String.format(Locale.ROOT, "%.3f", fps()).replaceAll("0+$", "");
  }

  @Override
  public String toString() {
    return label() + " fps";
  }
}
