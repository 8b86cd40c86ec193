package dev.mtbsync.render;

/**
 * What comparison video to make.
 *
 * @param layout how the two runs share the picture
 * @param follow which run plays at its own pace
 * @param width output width in px, even, 160 to 7680
 * @param height output height in px, even, 160 to 4320 (7680 for a tall picture)
 * @param fromGate the marker (gate) name the video starts at, or null for the start of the followed
 *     video
 * @param toGate the marker (gate) name the video ends at, or null for its end
 * @param crf H.264 constant rate factor, 0 (lossless) to 51; 20 looks clean on trail footage
 * @param audio the sound track: the new run's (which needs {@code follow} new), none, or auto
 */
public record RenderConfig(
    Layout layout,
    Follow follow,
    int width,
    int height,
    String fromGate,
    String toGate,
    int crf,
    Audio audio) {

  /** The quality used when none is given. */
  public static final int DEFAULT_CRF = 20;

  /** The layout's default size, following the new run, the whole video, its sound if any. */
  public static RenderConfig defaults(Layout layout) {
    return new RenderConfig(
        layout,
        Follow.NEW,
        layout.defaultWidth(),
        layout.defaultHeight(),
        null,
        null,
        DEFAULT_CRF,
        Audio.AUTO);
  }

  /** Whether the new run's sound is to be carried, when it has one. */
  boolean wantsNewSound() {
    return audio == Audio.NEW || (audio == Audio.AUTO && follow == Follow.NEW);
  }

  /**
   * Checks every field once, before any decoding.
   *
   * @throws IllegalArgumentException naming the parameter and the value
   */
  public RenderConfig validate() {
    if (layout == null || follow == null || audio == null) {
      throw new IllegalArgumentException("layout, follow and audio are required");
    }
    if (audio == Audio.NEW && follow != Follow.NEW) {
      throw new IllegalArgumentException(
          "audio new needs follow new: the new run's sound plays only at its own pace");
    }
    if (width < 160 || height < 160 || width > 7680 || height > 7680 || (width | height) % 2 != 0) {
      throw new IllegalArgumentException(
          "size must be even and 160 to 7680 px a side, got " + width + "x" + height);
    }
    if (crf < 0 || crf > 51) {
      throw new IllegalArgumentException("crf must be 0 to 51, got " + crf);
    }
    if (fromGate != null && fromGate.equals(toGate)) {
      throw new IllegalArgumentException("from and to name the same gate '" + fromGate + "'");
    }
    return this;
  }
}
