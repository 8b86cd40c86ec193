package dev.mtbsync.synth;

import java.util.Locale;

/**
 * What {@link SynthRenderer} draws. Checked once by {@link #validate()}.
 *
 * @param seed everything (trail, speeds, camera, noise) follows from it; same seed, same truth
 * @param durationSec length of the reference run in seconds, 2 to 3600; the new run is within 10%
 *     of it
 * @param width frame width in px, even, 160 to 3840
 * @param height frame height in px, even, 90 to 2160
 * @param refFps reference frame rate, 1 to 240
 * @param newFps new-run frame rate, 1 to 240
 * @param newCamera the camera filming the new run; the width and height above are the reference's
 */
public record SynthConfig(
    long seed,
    double durationSec,
    int width,
    int height,
    double refFps,
    double newFps,
    NewCamera newCamera) {

  /** A pair whose new run is filmed as before: random small zoom and line, same lens and size. */
  public SynthConfig(
      long seed, double durationSec, int width, int height, double refFps, double newFps) {
    this(seed, durationSec, width, height, refFps, newFps, NewCamera.DEFAULT);
  }

  /** This config with the new run filmed by {@code camera}. */
  public SynthConfig withNewCamera(NewCamera camera) {
    return new SynthConfig(seed, durationSec, width, height, refFps, newFps, camera);
  }

  public static final double MAX_DURATION_SEC = 3600;

  /** A 60 s 1280x720 pair, reference at 30 fps, new run at 60 fps. */
  public static SynthConfig defaults(long seed) {
    return new SynthConfig(seed, 60, 1280, 720, 30, 60);
  }

  /**
   * @throws IllegalArgumentException naming the first value out of range
   */
  public SynthConfig validate() {
    if (!(durationSec >= 2 && durationSec <= MAX_DURATION_SEC)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "duration must be 2 to %.0f s, got %s", MAX_DURATION_SEC, durationSec));
    }
    if (width < 160 || width > 3840 || height < 90 || height > 2160) {
      throw new IllegalArgumentException(
          "size must be between 160x90 and 3840x2160, got " + width + "x" + height);
    }
    if (width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException(
          "size must have even width and height (H.264 4:2:0), got " + width + "x" + height);
    }
    checkFps("fps", refFps);
    checkFps("new-fps", newFps);
    if (newCamera == null) {
      throw new IllegalArgumentException("new camera must be given");
    }
    newCamera.validate(width, height);
    return this;
  }

  /**
   * Parses {@code WIDTHxHEIGHT}, e.g. {@code 1280x720}.
   *
   * @return {width, height}
   * @throws IllegalArgumentException when the text is not of that form
   */
  public static int[] parseSize(String text) {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split("x");
    if (parts.length == 2) {
      try {
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
      } catch (NumberFormatException ignored) {
        // fall through to the message below
      }
    }
    throw new IllegalArgumentException(
        "size must be WIDTHxHEIGHT such as 1280x720, got '" + text + "'");
  }

  private static void checkFps(String name, double fps) {
    if (!(fps >= 1 && fps <= 240)) {
      throw new IllegalArgumentException(name + " must be 1 to 240, got " + fps);
    }
  }
}
