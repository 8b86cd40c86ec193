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
 */
public record RenderConfig(
    Layout layout, Follow follow, int width, int height, String fromGate, String toGate, int crf) {

  /** The quality used when none is given. */
  public static final int DEFAULT_CRF = 20;

  /** The layout's default size, following the new run, the whole video. */
  public static RenderConfig defaults(Layout layout) {
    return new RenderConfig(
        layout, Follow.NEW, layout.defaultWidth(), layout.defaultHeight(), null, null, DEFAULT_CRF);
  }

  /**
   * Checks every field once, before any decoding.
   *
   * @throws IllegalArgumentException naming the parameter and the value
   */
  public RenderConfig validate() {
    if (layout == null || follow == null) {
      throw new IllegalArgumentException("layout and follow are required");
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
