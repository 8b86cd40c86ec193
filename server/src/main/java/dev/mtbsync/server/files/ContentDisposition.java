package dev.mtbsync.server.files;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a download, built per RFC 6266 with the name encoded per RFC
 * 5987: {@code attachment; filename="ascii_fallback"; filename*=UTF-8''percent-encoded}.
 *
 * <p>DESIGN NOTE: names come from the root (run folders, files) and anyone who can write there
 * chooses them. A name spliced into the header as it is can close the quoted string and add its own
 * {@code filename*} (a run folder {@code x"; filename*=UTF-8''evil.html} made a download arrive as
 * evil.html). Here the quoted fallback keeps only {@code A-Z a-z 0-9 . _ -} and the extended value
 * percent-encodes every byte outside RFC 5987's attr-char, so no quote, semicolon, space or control
 * character ever reaches the header. Neither Javalin nor Jetty has a builder.
 */
public final class ContentDisposition {

  private static final String ATTR_CHAR_EXTRA = "!#$&+-.^_`|~";

  private ContentDisposition() {}

  /** The header value asking the browser to save {@code name} (any characters) as a file. */
  public static String attachment(String name) {
    return "attachment; filename=\"" + fallback(name) + "\"; filename*=UTF-8''" + encode(name);
  }

  /** The name with every character outside {@code A-Z a-z 0-9 . _ -} replaced by {@code _}. */
  static String fallback(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.startsWith(".") ? "_" + s.substring(1) : s;
  }

  /** RFC 5987 {@code value-chars}: attr-char as it is, every other UTF-8 byte as {@code %XX}. */
  static String encode(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean attr =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || ATTR_CHAR_EXTRA.indexOf(c) >= 0;
      if (attr) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
