package dev.mtbsync.server.files;

import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;

/**
 * Sends one file, honouring a single HTTP {@code Range} ({@code bytes=a-b}, {@code bytes=a-},
 * {@code bytes=-n}) so that a browser can seek in a video without loading all of it: 206 with
 * {@code Content-Range} for a range, 416 for one past the end, 200 with the whole file otherwise.
 */
public final class FileSender {

  /** A byte range, both ends inclusive. */
  record Range(long from, long to) {
    long length() {
      return to - from + 1;
    }
  }

  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("json", "application/json"),
          Map.entry("csv", "text/csv; charset=utf-8"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("edl", "text/plain; charset=utf-8"),
          Map.entry("xml", "application/xml"),
          Map.entry("fcpxml", "application/xml"),
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("png", "image/png"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("gpx", "application/gpx+xml"),
          Map.entry("mp4", "video/mp4"),
          Map.entry("m4v", "video/mp4"),
          Map.entry("mov", "video/quicktime"),
          Map.entry("webm", "video/webm"),
          Map.entry("mkv", "video/x-matroska"));

  private FileSender() {}

  /** A content type from the file name; unknown kinds are sent as bytes. */
  public static String contentType(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(ext, "application/octet-stream");
  }

  /**
   * @param download ask the browser to save rather than show it ({@code Content-Disposition})
   */
  public static void send(Context ctx, Path file, boolean download) throws IOException {
    long size = Files.size(file);
    ctx.header(Header.ACCEPT_RANGES, "bytes");
    ctx.header(Header.CONTENT_TYPE, contentType(file));
    if (download) {
      String name = file.getFileName().toString();
      ctx.header("Content-Disposition", ContentDisposition.attachment(name));
    }
    Range range;
    try {
      range = parse(ctx.header(Header.RANGE), size);
    } catch (IllegalArgumentException unsatisfiable) {
      ctx.status(416);
      ctx.header(Header.CONTENT_RANGE, "bytes */" + size);
      return;
    }
    if (range == null) {
      ctx.status(200);
      range = new Range(0, size - 1);
    } else {
      ctx.status(206);
      ctx.header(Header.CONTENT_RANGE, "bytes " + range.from() + "-" + range.to() + "/" + size);
    }
    ctx.header(Header.CONTENT_LENGTH, String.valueOf(Math.max(0, range.length())));
    if (ctx.method().name().equals("HEAD") || range.length() <= 0) {
      return;
    }
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      OutputStream out = ctx.res().getOutputStream();
      WritableByteChannel sink = Channels.newChannel(out);
      ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
      long pos = range.from();
      long left = range.length();
      while (left > 0) {
        buf.clear().limit((int) Math.min(buf.capacity(), left));
        int n = in.read(buf, pos);
        if (n < 0) {
          break; // the file shrank while being sent
        }
        buf.flip();
        while (buf.hasRemaining()) {
          sink.write(buf);
        }
        pos += n;
        left -= n;
      }
      out.flush();
    }
  }

  /**
   * The range a {@code Range} header asks for, or null to send the whole file (no header, another
   * unit, several ranges, or a malformed one: all allowed to be ignored by RFC 9110).
   *
   * @throws IllegalArgumentException when the range starts past the end (416)
   */
  static Range parse(String header, long size) {
    if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
      return null;
    }
    String spec = header.substring(6).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    String a = spec.substring(0, dash).trim();
    String b = spec.substring(dash + 1).trim();
    try {
      if (a.isEmpty()) {
        long suffix = Long.parseLong(b);
        if (suffix <= 0) {
          throw new IllegalArgumentException("empty suffix");
        }
        return new Range(Math.max(0, size - suffix), size - 1);
      }
      long from = Long.parseLong(a);
      long to = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
      if (from >= size) {
        throw new IllegalArgumentException("past the end");
      }
      if (to < from) {
        return null;
      }
      return new Range(from, to);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
