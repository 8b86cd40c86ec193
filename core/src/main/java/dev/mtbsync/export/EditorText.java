package dev.mtbsync.export;

import java.text.Normalizer;

/**
 * Makes marker names and comments fit what each format can carry. Each method keeps as much of the
 * text as the format allows; none drops a marker.
 */
final class EditorText {

  private EditorText() {}

  /** A marker's name with its comment, for formats that carry one text per marker. */
  static String nameWithComment(String name, String comment) {
    return comment == null || comment.isBlank()
        ? name.strip()
        : name.strip() + " - " + comment.strip();
  }

  /** Line breaks and tabs, with the spaces around them, become one space. */
  static String oneLine(String text) {
    return text.replaceAll(" *[\r\n\t]+[\r\n\t ]*", " ").strip();
  }

  /**
   * Text for XML 1.0: drops the characters XML cannot hold at all (control characters other than
   * tab and line breaks, unpaired surrogates, U+FFFE/U+FFFF). Everything else, line breaks
   * included, the XML writer escapes.
   */
  static String xml(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (c == '\t'
          || c == '\n'
          || c == '\r'
          || (c >= 0x20 && c < 0xD800)
          || (c >= 0xE000 && c < 0xFFFE)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Printable ASCII on one line, for CMX3600 EDLs (a 7-bit format that editors read as such):
   * accents are dropped ({@code é} to {@code e}), other characters become {@code ?}.
   */
  static String ascii(String text) {
    String folded = Normalizer.normalize(oneLine(text), Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (Character.isLowSurrogate(c)) {
        continue; // its high half already became one '?'
      }
      out.append(c >= 0x20 && c < 0x7F ? c : '?');
    }
    return out.toString();
  }
}
