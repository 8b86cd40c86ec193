package dev.mtbsync.gps;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a minimal MP4 holding only a GoPro telemetry ({@code gpmd}) track, with payloads drawn in
 * the test: the layout the cameras use (ftyp, mdat, moov with the sample tables), no video.
 */
final class GpmfMp4 {

  private GpmfMp4() {}

  /** One KLV item: header, value, padding to 4 bytes. */
  static byte[] klv(String key, char type, int size, int repeat, byte[] value) {
    int padded = (value.length + 3) & ~3;
    ByteBuffer b = ByteBuffer.allocate(8 + padded);
    b.put(key.getBytes(StandardCharsets.ISO_8859_1));
    b.put((byte) type).put((byte) size).putShort((short) repeat).put(value);
    return b.array();
  }

  /** A nested item holding {@code children}. */
  static byte[] nest(String key, byte[]... children) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] c : children) {
      out.writeBytes(c);
    }
    byte[] v = out.toByteArray();
    return klv(key, (char) 0, 4, v.length / 4, v);
  }

  static byte[] ints(long... v) {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length);
    for (long x : v) {
      b.putInt((int) x);
    }
    return b.array();
  }

  /**
   * @param payloads the telemetry samples, in order
   * @param durationMs how long each payload lasts (ms, the track's timescale is 1000)
   */
  static byte[] file(List<byte[]> payloads, int durationMs) {
    byte[] ftyp = box("ftyp", "mp41".getBytes(StandardCharsets.ISO_8859_1), ints(0));
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    long[] offsets = new long[payloads.size()];
    long at = ftyp.length + 8;
    for (int i = 0; i < payloads.size(); i++) {
      offsets[i] = at;
      data.writeBytes(payloads.get(i));
      at += payloads.get(i).length;
    }
    byte[] mdat = box("mdat", data.toByteArray());
    int n = payloads.size();
    long[] sizes = new long[n];
    for (int i = 0; i < n; i++) {
      sizes[i] = payloads.get(i).length;
    }
    byte[] stbl =
        box(
            "stbl",
            box("stsd", ints(0, 1), box("gpmd", new byte[8])),
            box("stts", ints(0, 1, n, durationMs)),
            box("stsz", ints(0, 0, n), ints(sizes)),
            box("stsc", ints(0, 1, 1, 1, 1)),
            box("stco", ints(0, n), ints(offsets)));
    byte[] mdia =
        box(
            "mdia",
            box("mdhd", ints(0, 0, 0, 1000, (long) n * durationMs, 0)),
            box("hdlr", ints(0, 0), "meta".getBytes(StandardCharsets.ISO_8859_1), new byte[13]),
            box("minf", stbl));
    byte[] moov =
        box(
            "moov",
            box("mvhd", ints(0, 0, 0, 1000, (long) n * durationMs), new byte[80]),
            box("trak", mdia));
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(ftyp);
    file.writeBytes(mdat);
    file.writeBytes(moov);
    return file.toByteArray();
  }

  static byte[] box(String type, byte[]... parts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      body.writeBytes(p);
    }
    byte[] b = body.toByteArray();
    ByteBuffer out = ByteBuffer.allocate(8 + b.length);
    out.putInt(8 + b.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(b);
    return out.array();
  }
}
