package dev.mtbsync.testkit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/**
 * Copies a video's packets into another container layout, as a camera or an editor would: the
 * growing-file reader's tests (core) and the upload tests (server) share it.
 */
public final class Remux {

  private Remux() {}

  /**
   * @param format FFmpeg muxer ({@code mp4}, {@code mov})
   * @param movflags e.g. {@code +faststart} (index first) or {@code frag_keyframe+empty_moov}
   *     (fragmented, half a second a fragment); empty for the muxer's default (index last)
   */
  public static Path remux(Path in, Path out, String format, String movflags) throws IOException {
    try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(in.toFile())) {
      g.start();
      try (FFmpegFrameRecorder r =
          new FFmpegFrameRecorder(out.toFile(), g.getImageWidth(), g.getImageHeight(), 0)) {
        r.setFormat(format);
        if (!movflags.isEmpty()) {
          r.setOption("movflags", movflags);
        }
        if (movflags.contains("frag_")) {
          r.setOption("frag_duration", "500000"); // half-second fragments (µs), as phones write
        }
        r.start(g.getFormatContext());
        for (AVPacket p = g.grabPacket(); p != null; p = g.grabPacket()) {
          r.recordPacket(p);
        }
      }
    }
    return out;
  }

  /** The offset and length of the top-level {@code moov} box, from the box headers. */
  public static long[] moov(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file)) {
      long at = 0;
      ByteBuffer head = ByteBuffer.allocate(16);
      while (at + 8 <= ch.size()) {
        head.clear();
        ch.read(head, at);
        long size = head.getInt(0) & 0xffffffffL;
        String type = new String(head.array(), 4, 4, StandardCharsets.US_ASCII);
        if (size == 1) {
          size = head.getLong(8);
        } else if (size == 0) {
          size = ch.size() - at;
        }
        if (type.equals("moov")) {
          return new long[] {at, size};
        }
        at += size;
      }
    }
    throw new IOException(file + ": no moov box");
  }
}
