package dev.mtbsync.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the two runs share the picture. */
public enum Layout {
  /** New run on the left, reference on the right. */
  SIDE_BY_SIDE("side-by-side", 1920, 1080),
  /** New run on top, reference below: a tall picture that fills a phone held upright. */
  STACKED("stacked", 1080, 1920),
  /** The followed run fills the picture, the other sits in a corner inset. */
  PIP("pip", 1920, 1080),
  /**
   * The followed run fills the picture and the other is blended over it as a ghost, registered onto
   * it moment by moment so that the same place lies in the same spot.
   */
  OVERLAY("overlay", 1920, 1080);

  private final String cliName;
  private final int defaultWidth;
  private final int defaultHeight;

  Layout(String cliName, int defaultWidth, int defaultHeight) {
    this.cliName = cliName;
    this.defaultWidth = defaultWidth;
    this.defaultHeight = defaultHeight;
  }

  /** The name users type: {@code side-by-side}, {@code stacked}, {@code pip}, {@code overlay}. */
  public String cliName() {
    return cliName;
  }

  /** Output width in px when none is given. */
  public int defaultWidth() {
    return defaultWidth;
  }

  /** Output height in px when none is given. */
  public int defaultHeight() {
    return defaultHeight;
  }

  /**
   * The layout a user named.
   *
   * @throws IllegalArgumentException naming the layouts there are
   */
  public static Layout parse(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    for (Layout l : values()) {
      if (l.cliName.equals(key)) {
        return l;
      }
    }
    throw new IllegalArgumentException("layout must be one of " + names() + ", got '" + name + "'");
  }

  /** The layouts' names, comma separated. */
  public static String names() {
    return Arrays.stream(values()).map(Layout::cliName).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return cliName;
  }
}
