package dev.mtbsync.gps;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One GPMF key-length-value item: an 8-byte header ({@code FourCC}, type character, bytes per
 * sample, sample count as big-endian uint16), then {@code structSize * repeat} bytes padded to a
 * multiple of 4. Type 0 means the value is itself a list of items.
 *
 * @param key the FourCC, e.g. {@code DEVC}, {@code STRM}, {@code GPS5}
 * @param type the value's type character ({@code l} int32, {@code S} uint16, {@code c} text, ...)
 * @param structSize bytes per sample
 * @param repeat samples
 * @param value the unpadded value bytes (big-endian)
 */
record Klv(String key, char type, int structSize, int repeat, ByteBuffer value) {

  static final char NESTED = 0;

  /**
   * The items in {@code data}, in order. Stops at the first header that runs past the end (a
   * payload cut short keeps what came before it).
   */
  static List<Klv> parse(ByteBuffer data) {
    List<Klv> out = new ArrayList<>();
    int pos = 0;
    while (pos + 8 <= data.limit()) {
      byte[] k = new byte[4];
      data.get(pos, k);
      char type = (char) (data.get(pos + 4) & 0xff);
      int size = data.get(pos + 5) & 0xff;
      int repeat = data.getShort(pos + 6) & 0xffff;
      int length = size * repeat;
      int padded = (length + 3) & ~3;
      if (k[0] == 0 && length == 0) {
        pos += 8; // null padding between items
        continue;
      }
      if (pos + 8 + length > data.limit()) {
        break;
      }
      out.add(
          new Klv(
              new String(k, StandardCharsets.ISO_8859_1),
              type,
              size,
              repeat,
              data.slice(pos + 8, length)));
      pos += 8 + padded;
    }
    return out;
  }

  /** The items inside a nested value. */
  List<Klv> children() {
    return type == NESTED ? parse(value) : List.of();
  }

  /** The value as text (types {@code c}, {@code U}), without trailing NULs. */
  String text() {
    byte[] b = new byte[value.limit()];
    value.get(0, b);
    int n = b.length;
    while (n > 0 && b[n - 1] == 0) {
      n--;
    }
    return new String(b, 0, n, StandardCharsets.ISO_8859_1);
  }

  /** Every value as a number, for a simple numeric type; empty for other types. */
  double[] numbers() {
    int width = width(type);
    if (width == 0 || type == 'c' || type == 'U' || type == 'F' || type == 'G') {
      return new double[0];
    }
    int n = value.limit() / width;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = number(value, i * width, type);
    }
    return out;
  }

  /** Bytes of one value of a type character; 0 for types without a fixed width. */
  static int width(char type) {
    return switch (type) {
      case 'b', 'B', 'c' -> 1;
      case 's', 'S' -> 2;
      case 'l', 'L', 'f', 'q', 'F' -> 4;
      case 'j', 'J', 'd', 'Q' -> 8;
      case 'G', 'U' -> 16;
      default -> 0;
    };
  }

  /** The number of that type at byte {@code at}. */
  static double number(ByteBuffer b, int at, char type) {
    return switch (type) {
      case 'b' -> b.get(at);
      case 'B' -> b.get(at) & 0xff;
      case 's' -> b.getShort(at);
      case 'S' -> b.getShort(at) & 0xffff;
      case 'l' -> b.getInt(at);
      case 'L' -> Integer.toUnsignedLong(b.getInt(at));
      case 'f' -> b.getFloat(at);
      case 'd' -> b.getDouble(at);
      case 'j', 'J' -> b.getLong(at);
      case 'q' -> b.getInt(at) / 65536.0;
      case 'Q' -> b.getLong(at) / 4294967296.0;
      default -> Double.NaN;
    };
  }
}
