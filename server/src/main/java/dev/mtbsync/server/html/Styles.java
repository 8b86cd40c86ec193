package dev.mtbsync.server.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The shared base style sheet ({@code web/base.css}). The dashboard links it ({@code
 * /static/base.css}), since its Content-Security-Policy allows no inline style; a self-contained
 * report (benchmark-quality --html), which opens from disk, carries it inline.
 */
public final class Styles {

  static final String BASE = "/dev/mtbsync/server/web/base.css";

  private static volatile String base;

  private Styles() {}

  /** The text of base.css, read once from the jar. */
  public static String base() {
    String s = base;
    if (s == null) {
      try (InputStream in = Styles.class.getResourceAsStream(BASE)) {
        if (in == null) {
          throw new IllegalStateException(BASE + " is not on the class path (a broken build)");
        }
        s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      base = s;
    }
    return s;
  }
}
