package dev.mtbsync.gps;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of an MP4/MOV file's boxes to find each track's samples without decoding anything:
 * the handler and sample-entry type of each track, and for each sample its byte range and its time.
 *
 * <p>DESIGN NOTE: parsed by hand rather than through FFmpeg. The GoPro telemetry sample times come
 * straight from the track's sample table ({@code stts}, {@code stsz}, {@code stsc}, {@code
 * stco}/{@code co64}), which is what gpmf-parser reads too; FFmpeg exposes the {@code gpmd} stream
 * only as data packets, and JavaCV's grabber skips data streams, so reaching them means driving
 * libavformat's packet API by hand for the same numbers. Reading {@code moov} costs a few
 * milliseconds and never touches {@code mdat} beyond the payloads asked for.
 */
final class Mp4Boxes {

  /** Seconds between the MP4 epoch (1904-01-01) and the Unix epoch. */
  private static final long MP4_EPOCH_OFFSET = 2_082_844_800L;

  /** Larger {@code moov} boxes are refused: real ones are a few MB even for hour-long files. */
  private static final long MAX_MOOV = 256L << 20;

  /** Boxes an MP4/MOV file can start with. */
  private static final java.util.Set<String> TOP_LEVEL =
      java.util.Set.of("ftyp", "moov", "mdat", "free", "skip", "wide", "pnot", "uuid");

  /**
   * One sample.
   *
   * @param offset byte offset in the file
   * @param size bytes
   * @param startSec presentation start on the movie's clock (s)
   * @param durationSec how long it lasts (s)
   */
  record Sample(long offset, int size, double startSec, double durationSec) {}

  /**
   * One track.
   *
   * @param handler handler type, e.g. {@code vide}, {@code soun}, {@code meta}
   * @param format first sample entry's type, e.g. {@code avc1}, {@code gpmd}
   * @param samples in decoding order
   */
  record Track(String handler, String format, List<Sample> samples) {}

  /**
   * @param creationTime the movie header's creation time, null when zero (cameras often write their
   *     local time here, so it is a hint, not a clock)
   * @param tracks every track with a sample table
   */
  record Movie(Instant creationTime, List<Track> tracks) {}

  private Mp4Boxes() {}

  /**
   * @throws IOException when the file is not an MP4/MOV or its {@code moov} box is missing or
   *     broken
   */
  static Movie read(Path file) throws IOException {
    ByteBuffer moov = moov(file);
    try {
      return movie(moov);
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      // a count in a sample table that runs past its box: broken, not a crash
      throw new IOException("broken MP4 sample table (" + e.getMessage() + ")", e);
    }
  }

  /**
   * The body of the box {@code moov/udta/TYPE} (user data, where GoPro keeps its settings as a GPMF
   * blob under {@code GPMF}), or null when the file has none.
   *
   * @throws IOException when the file is not an MP4/MOV or its {@code moov} box is missing or
   *     broken
   */
  static ByteBuffer userData(Path file, String type) throws IOException {
    return find(find(moov(file), "udta"), type);
  }

  /** The body of the file's {@code moov} box. */
  private static ByteBuffer moov(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      long pos = 0;
      boolean first = true;
      while (pos + 8 <= size) {
        ByteBuffer head = readFully(ch, pos, 16 <= size - pos ? 16 : 8);
        long boxSize = Integer.toUnsignedLong(head.getInt(0));
        String type = fourcc(head, 4);
        if (first && !TOP_LEVEL.contains(type)) {
          throw new IOException("not an MP4/MOV file");
        }
        first = false;
        int header = 8;
        if (boxSize == 1) {
          if (head.limit() < 16) {
            break;
          }
          boxSize = head.getLong(8);
          header = 16;
        } else if (boxSize == 0) {
          boxSize = size - pos;
        }
        if (boxSize < header) {
          throw new IOException("broken MP4 box '" + type + "' at byte " + pos);
        }
        if (type.equals("moov")) {
          if (boxSize > MAX_MOOV || pos + boxSize > size) {
            throw new IOException("MP4 'moov' box is truncated or too large");
          }
          return readFully(ch, pos + header, (int) (boxSize - header));
        }
        pos += boxSize;
      }
      throw new IOException(
          first ? "not an MP4/MOV file" : "no 'moov' box (the recording is truncated?)");
    }
  }

  /** Reads {@code length} bytes at {@code offset}. */
  static ByteBuffer readFully(FileChannel ch, long offset, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length);
    while (b.hasRemaining()) {
      if (ch.read(b, offset + b.position()) < 0) {
        throw new IOException("file ends inside a box at byte " + (offset + b.position()));
      }
    }
    return b.flip();
  }

  private static Movie movie(ByteBuffer moov) throws IOException {
    Instant created = null;
    long movieScale = 1;
    List<Track> tracks = new ArrayList<>();
    for (ByteBuffer box : children(moov)) {
      String type = type(box);
      ByteBuffer body = body(box);
      if (type.equals("mvhd")) {
        int v = body.get(0);
        long secs = v == 1 ? body.getLong(4) : Integer.toUnsignedLong(body.getInt(4));
        movieScale = Integer.toUnsignedLong(body.getInt(v == 1 ? 20 : 12));
        created = secs == 0 ? null : Instant.ofEpochSecond(secs - MP4_EPOCH_OFFSET);
      } else if (type.equals("trak")) {
        Track t = track(body, Math.max(1, movieScale));
        if (t != null) {
          tracks.add(t);
        }
      }
    }
    return new Movie(created, tracks);
  }

  private static Track track(ByteBuffer trak, long movieScale) throws IOException {
    ByteBuffer mdia = find(trak, "mdia");
    ByteBuffer stbl = mdia == null ? null : find(find(mdia, "minf"), "stbl");
    ByteBuffer hdlr = mdia == null ? null : find(mdia, "hdlr");
    ByteBuffer mdhd = mdia == null ? null : find(mdia, "mdhd");
    if (stbl == null || hdlr == null || mdhd == null) {
      return null;
    }
    int v = mdhd.get(0);
    long scale = Integer.toUnsignedLong(mdhd.getInt(v == 1 ? 20 : 12));
    if (scale == 0) {
      throw new IOException("MP4 track with a zero timescale");
    }
    String handler = fourcc(hdlr, 8);
    ByteBuffer stsd = find(stbl, "stsd");
    String format = stsd != null && stsd.limit() >= 16 ? fourcc(stsd, 12) : "";
    double shift = editShift(find(trak, "edts"), movieScale, scale);
    return new Track(handler, format, samples(stbl, scale, shift));
  }

  /**
   * Where the media's time 0 lands on the movie's clock, from the edit list: an empty first edit
   * delays the track, a first edit starting inside the media advances it. Later edits (cuts made in
   * an editor) are not followed; cameras write at most these two.
   */
  private static double editShift(ByteBuffer edts, long movieScale, long mediaScale) {
    ByteBuffer elst = edts == null ? null : find(edts, "elst");
    if (elst == null) {
      return 0;
    }
    int v = elst.get(0);
    int count = elst.getInt(4);
    int entry = v == 1 ? 20 : 12;
    double shift = 0;
    for (int i = 0, at = 8; i < count && at + entry <= elst.limit(); i++, at += entry) {
      long duration = v == 1 ? elst.getLong(at) : Integer.toUnsignedLong(elst.getInt(at));
      long mediaTime = v == 1 ? elst.getLong(at + 8) : elst.getInt(at + 4);
      if (mediaTime == -1) {
        shift += duration / (double) movieScale;
      } else {
        return shift - mediaTime / (double) mediaScale;
      }
    }
    return shift;
  }

  private static List<Sample> samples(ByteBuffer stbl, long scale, double shift)
      throws IOException {
    ByteBuffer stsz = find(stbl, "stsz");
    ByteBuffer stts = find(stbl, "stts");
    ByteBuffer stsc = find(stbl, "stsc");
    ByteBuffer stco = find(stbl, "stco");
    ByteBuffer co64 = find(stbl, "co64");
    if (stsz == null || stts == null || stsc == null || (stco == null && co64 == null)) {
      return List.of();
    }
    int fixedSize = stsz.getInt(4);
    int count = stsz.getInt(8);
    if (count < 0 || (fixedSize == 0 && 12 + 4L * count > stsz.limit())) {
      throw new IOException("MP4 sample size table is truncated");
    }
    long[] chunks = chunkOffsets(stco != null ? stco : co64, stco == null);
    // stsc: runs of chunks with the same number of samples per chunk
    int runs = stsc.getInt(4);
    long[] offsets = new long[count];
    int s = 0;
    for (int r = 0; r < runs && s < count; r++) {
      int firstChunk = stsc.getInt(8 + 12 * r) - 1;
      int perChunk = stsc.getInt(12 + 12 * r);
      int nextFirst = r + 1 < runs ? stsc.getInt(8 + 12 * (r + 1)) - 1 : chunks.length;
      for (int c = firstChunk; c < nextFirst && c < chunks.length && s < count; c++) {
        long at = chunks[c];
        for (int k = 0; k < perChunk && s < count; k++, s++) {
          offsets[s] = at;
          at += fixedSize != 0 ? fixedSize : stsz.getInt(12 + 4 * s);
        }
      }
    }
    List<Sample> out = new ArrayList<>(count);
    int entries = stts.getInt(4);
    long t = 0;
    int i = 0;
    for (int e = 0; e < entries && i < Math.min(s, count); e++) {
      long n = Integer.toUnsignedLong(stts.getInt(8 + 8 * e));
      long delta = Integer.toUnsignedLong(stts.getInt(12 + 8 * e));
      for (long k = 0; k < n && i < Math.min(s, count); k++, i++) {
        int size = fixedSize != 0 ? fixedSize : stsz.getInt(12 + 4 * i);
        out.add(new Sample(offsets[i], size, shift + t / (double) scale, delta / (double) scale));
        t += delta;
      }
    }
    return out;
  }

  private static long[] chunkOffsets(ByteBuffer box, boolean wide) throws IOException {
    int n = box.getInt(4);
    if (n < 0 || 8 + (long) n * (wide ? 8 : 4) > box.limit()) {
      throw new IOException("MP4 chunk offset table is truncated");
    }
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = wide ? box.getLong(8 + 8 * i) : Integer.toUnsignedLong(box.getInt(8 + 4 * i));
    }
    return out;
  }

  /** The first child box of that type, as its body (after the 8-byte header), or null. */
  private static ByteBuffer find(ByteBuffer parent, String type) {
    if (parent == null) {
      return null;
    }
    for (ByteBuffer box : children(parent)) {
      if (type(box).equals(type)) {
        return body(box);
      }
    }
    return null;
  }

  /** The boxes directly inside {@code parent}; stops quietly at a box that runs past its end. */
  private static List<ByteBuffer> children(ByteBuffer parent) {
    List<ByteBuffer> out = new ArrayList<>();
    int pos = 0;
    while (pos + 8 <= parent.limit()) {
      long size = Integer.toUnsignedLong(parent.getInt(pos));
      if (size == 0) {
        size = parent.limit() - pos;
      }
      if (size < 8 || pos + size > parent.limit()) {
        break;
      }
      out.add(parent.slice(pos, (int) size));
      pos += (int) size;
    }
    return out;
  }

  private static String type(ByteBuffer box) {
    return fourcc(box, 4);
  }

  /** The box without its size and type; full boxes keep their version and flags at the start. */
  private static ByteBuffer body(ByteBuffer box) {
    return box.slice(8, box.limit() - 8);
  }

  private static String fourcc(ByteBuffer b, int at) {
    byte[] c = new byte[4];
    b.get(at, c);
    return new String(c, StandardCharsets.ISO_8859_1);
  }
}
