package dev.mtbsync.export;

import dev.mtbsync.markers.NewMarker;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps a marker's colour (free text from the marker file) to each editor's palette. Markers that
 * need review stand out the same way everywhere: red when the warp is unsure there (confidence
 * below {@link #UNSURE_BELOW}), yellow when it is only doubtful.
 */
final class MarkerColours {

  /** Confidence below which a marker that needs review is shown red rather than yellow. */
  static final double UNSURE_BELOW = 0.3;

  /** DaVinci Resolve's sixteen marker colours. */
  private static final Set<String> RESOLVE =
      Set.of(
          "blue",
          "cyan",
          "green",
          "yellow",
          "red",
          "pink",
          "purple",
          "fuchsia",
          "rose",
          "lavender",
          "sky",
          "mint",
          "lemon",
          "sand",
          "cocoa",
          "cream");

  /** Common colour names outside Resolve's palette, to the nearest of it. */
  private static final Map<String, String> RESOLVE_ALIASES =
      Map.ofEntries(
          Map.entry("magenta", "fuchsia"),
          Map.entry("violet", "purple"),
          Map.entry("orange", "sand"),
          Map.entry("brown", "cocoa"),
          Map.entry("black", "cocoa"),
          Map.entry("white", "cream"),
          Map.entry("grey", "cream"),
          Map.entry("gray", "cream"),
          Map.entry("teal", "cyan"),
          Map.entry("lime", "mint"),
          Map.entry("gold", "lemon"));

  /** Resolve's palette to Media Composer's eight marker colours. */
  private static final Map<String, String> AVID =
      Map.ofEntries(
          Map.entry("blue", "blue"),
          Map.entry("cyan", "cyan"),
          Map.entry("sky", "cyan"),
          Map.entry("green", "green"),
          Map.entry("mint", "green"),
          Map.entry("yellow", "yellow"),
          Map.entry("lemon", "yellow"),
          Map.entry("sand", "yellow"),
          Map.entry("red", "red"),
          Map.entry("pink", "magenta"),
          Map.entry("purple", "magenta"),
          Map.entry("fuchsia", "magenta"),
          Map.entry("rose", "magenta"),
          Map.entry("lavender", "magenta"),
          Map.entry("cocoa", "black"),
          Map.entry("cream", "white"));

  private MarkerColours() {}

  /**
   * One of Resolve's sixteen colours in lower case: the marker's own (or its nearest), blue (the
   * editors' default) when it has none or an unknown one, red/yellow when it needs review.
   */
  static String resolve(NewMarker m) {
    if (m.needsReview()) {
      return m.confidence() < UNSURE_BELOW ? "red" : "yellow";
    }
    String c = m.colour() == null ? "" : m.colour().trim().toLowerCase(Locale.ROOT);
    if (RESOLVE.contains(c)) {
      return c;
    }
    return RESOLVE_ALIASES.getOrDefault(c, "blue");
  }

  /** Resolve's EDL form, e.g. {@code ResolveColorBlue}. */
  static String resolveEdl(NewMarker m) {
    String c = resolve(m);
    return "ResolveColor" + Character.toUpperCase(c.charAt(0)) + c.substring(1);
  }

  /** One of Media Composer's eight: red, green, blue, cyan, magenta, yellow, black, white. */
  static String avid(NewMarker m) {
    return AVID.get(resolve(m));
  }
}
