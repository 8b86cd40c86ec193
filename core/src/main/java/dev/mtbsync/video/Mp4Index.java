package dev.mtbsync.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Says why FFmpeg could not open a file, in words a rider can act on, from the file's top-level
 * MP4/QuickTime boxes: a recording cut off before its index was written reads very differently from
 * a file that is not a video at all.
 *
 * <p>DESIGN NOTE: written by hand because only the box headers (size and type, 8 or 16 bytes each)
 * are read, and FFmpeg, which reads the rest, reports both cases as "Invalid data found".
 */
final class Mp4Index {

  private Mp4Index() {}

  /** One line for {@code FILE: ...}, e.g. "not a video file (no format FFmpeg reads)". */
  static String whyUnreadable(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      ByteBuffer head = ByteBuffer.allocate(16);
      boolean mp4 = false;
      long at = 0;
      while (at + 8 <= size) {
        head.clear();
        ch.read(head, at);
        long box = Integer.toUnsignedLong(head.getInt(0));
        String type = new String(head.array(), 4, 4, StandardCharsets.ISO_8859_1);
        if (at == 0) {
          mp4 = type.equals("ftyp");
          if (!mp4) {
            break;
          }
        }
        if (type.equals("moov")) {
          return "not a readable video (its MP4 index, the moov box, is damaged)";
        }
        if (box == 1) {
          box = head.getLong(8);
        } else if (box == 0) {
          box = size - at; // runs to the end of the file
        }
        if (box < 8 || at + box > size) {
          break;
        }
        at += box;
      }
      if (mp4) {
        return "truncated: the file stops before its index (moov box) was written, as when a"
            + " camera loses power mid-recording; nothing in it can be decoded";
      }
    } catch (IOException e) {
      // the generic answer below
    }
    return "not a video file (no format FFmpeg reads)";
  }
}
