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

  /**
   * Resolve's palette to Premiere Pro's eight marker colours, by the name Premiere gives them.
   * Premiere has no pink, brown or cream: pink and the violets go to purple, rose to red, cocoa and
   * sand to orange, cream to white.
   */
  private static final Map<String, String> PREMIERE_NAMES =
      Map.ofEntries(
          Map.entry("blue", "blue"),
          Map.entry("cyan", "cyan"),
          Map.entry("sky", "cyan"),
          Map.entry("green", "green"),
          Map.entry("mint", "green"),
          Map.entry("yellow", "yellow"),
          Map.entry("lemon", "yellow"),
          Map.entry("sand", "orange"),
          Map.entry("cocoa", "orange"),
          Map.entry("red", "red"),
          Map.entry("rose", "red"),
          Map.entry("pink", "purple"),
          Map.entry("purple", "purple"),
          Map.entry("fuchsia", "purple"),
          Map.entry("lavender", "purple"),
          Map.entry("cream", "white"));

  /**
   * Premiere Pro's {@code <pproColor>} values: the colour as a 32-bit integer whose bytes are
   * alpha, blue, green, red from the top (0xAABBGGRR), as Premiere writes them in its own xmeml
   * exports; e.g. red 4281740498 is 0xFF362CD2, red 0xD2, green 0x2C, blue 0x36. Premiere snaps any
   * other value to the nearest of its eight, so only these are written.
   */
  static final Map<String, Long> PREMIERE =
      Map.of(
          "green", 4281828977L,
          "red", 4281740498L,
          "purple", 4289825711L,
          "orange", 4280578025L,
          "yellow", 4281049552L,
          "white", 4294967295L,
          "blue", 4294741314L,
          "cyan", 4292277273L);

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

  /** Premiere Pro's name for the marker's colour: one of the eight of {@link #PREMIERE}. */
  static String premiereName(NewMarker m) {
    return PREMIERE_NAMES.get(resolve(m));
  }

  /** Premiere Pro's {@code <pproColor>} value of the marker's colour. */
  static long premiere(NewMarker m) {
    return PREMIERE.get(premiereName(m));
  }
}
