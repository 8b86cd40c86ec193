package dev.mtbsync.server.pages;

import java.util.Locale;

/** Numbers and times as the pages print them; a missing value is an en dash. */
final class Fmt {

  static final String NONE = "–";

  private Fmt() {}

  static String num(Double v, int digits) {
    return v == null || !Double.isFinite(v)
        ? NONE
        : String.format(Locale.ROOT, "%." + digits + "f", v);
  }

  static String signed(Double v, int digits) {
    return v == null || !Double.isFinite(v)
        ? NONE
        : String.format(Locale.ROOT, "%+." + digits + "f", v);
  }

  /** A whole number with thin-space thousands: 12 345. */
  static String whole(Double v) {
    return v == null || !Double.isFinite(v)
        ? NONE
        : String.format(Locale.ROOT, "%,d", Math.round(v)).replace(',', '\u2009');
  }

  /**
   * A signed whole number with thin-space thousands: +12 345, -183 175, 0. Speed drift (ppm) is
   * always shown this way: its sign says which run is faster.
   */
  static String signedWhole(Double v) {
    if (v == null || !Double.isFinite(v)) {
      return NONE;
    }
    long n = Math.round(v);
    return (n > 0 ? "+" : "") + whole((double) n);
  }

  static String pct(Double fraction) {
    return fraction == null ? NONE : String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
  }

  /** An ISO-8601 instant as {@code 2025-06-01 10:15:02} (UTC), or the text as given. */
  static String when(String iso) {
    if (iso == null || iso.isBlank()) {
      return NONE;
    }
    String s = iso.replace('T', ' ');
    int dot = s.indexOf('.');
    s = dot > 0 ? s.substring(0, dot) : s.replace("Z", "");
    return s.length() > 19 ? s.substring(0, 19) : s;
  }

  /** Seconds as {@code 12.34 s}. */
  static String seconds(Double v) {
    return v == null ? NONE : num(v, v < 10 ? 2 : 1) + " s";
  }

  /** A file size: 512 B, 3.4 KB, 12.0 MB. */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double kb = bytes / 1024.0;
    return kb < 1024
        ? String.format(Locale.ROOT, "%.1f KB", kb)
        : String.format(Locale.ROOT, "%.1f MB", kb / 1024);
  }
}
