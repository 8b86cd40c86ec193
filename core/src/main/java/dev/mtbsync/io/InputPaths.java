package dev.mtbsync.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one check of a path the user gave, before anything reads or writes it, so that a folder, a
 * device or a file in place of a folder is named for what it is rather than reported as missing or
 * failing deep inside a parser.
 *
 * <p>Links are followed: a path the user typed may be a link to their footage.
 */
public final class InputPaths {

  private InputPaths() {}

  /**
   * A file to read: it must exist and be a regular file.
   *
   * @throws NoSuchFileException when nothing is there
   * @throws BadInputException "is a folder" or "not a regular file (a device, pipe or socket)"
   */
  public static Path file(Path p) throws IOException {
    if (Files.isRegularFile(p)) {
      return p;
    }
    if (Files.isDirectory(p)) {
      throw new BadInputException(p, "is a folder, not a file");
    }
    if (Files.exists(p)) {
      throw new BadInputException(p, "not a regular file (a device, pipe or socket)");
    }
    throw new NoSuchFileException(p.toString());
  }

  /** Bytes of a text file checked by {@link #textFile}: enough to tell text from a binary file. */
  static final int TEXT_HEAD = 64 * 1024;

  /**
   * A text file to read (CSV): as {@link #file}, and its beginning must be UTF-8 text, so that a
   * binary or wrongly encoded file is named as such rather than failing inside a parser.
   *
   * @throws BadInputException "binary data, not a text file" or "not UTF-8 text (...)"
   */
  public static Path textFile(Path p) throws IOException {
    file(p);
    byte[] head;
    try (InputStream in = Files.newInputStream(p)) {
      head = in.readNBytes(TEXT_HEAD);
    }
    for (int i = 0; i < head.length; i++) {
      if (head[i] == 0) {
        throw new BadInputException(
            p, "binary data, not a text file (a zero byte at byte " + i + ")");
      }
    }
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.wrap(head);
    CoderResult r = utf8.decode(bytes, CharBuffer.allocate(head.length), head.length < TEXT_HEAD);
    if (r.isError()) {
      int at = bytes.position();
      throw new BadInputException(
          p,
          String.format(
              "not UTF-8 text (byte 0x%02X at byte %d): binary data, or text saved in another"
                  + " encoding (save it as UTF-8)",
              head[at] & 0xff, at));
    }
    return p;
  }

  /**
   * A folder to read: it must exist and be a folder.
   *
   * @throws NoSuchFileException when nothing is there
   * @throws BadInputException "is a file, not a folder"
   */
  public static Path folder(Path p) throws IOException {
    if (Files.isDirectory(p)) {
      return p;
    }
    if (Files.exists(p)) {
      throw new BadInputException(
          p, Files.isRegularFile(p) ? "is a file, not a folder" : "not a folder (a device)");
    }
    throw new NoSuchFileException(p.toString());
  }

  /**
   * A file to write: it may be missing, else it must be a regular file; the nearest folder above it
   * that exists must be a folder (so that it can be created), not a file.
   *
   * @throws BadInputException naming the path and what is in the way
   */
  public static Path outputFile(Path p) throws IOException {
    if (Files.isDirectory(p)) {
      throw new BadInputException(p, "is a folder (a file to write is wanted)");
    }
    if (Files.exists(p) && !Files.isRegularFile(p)) {
      throw new BadInputException(p, "not a regular file (a device, pipe or socket)");
    }
    blockedAbove(p, "cannot write " + p);
    return p;
  }

  /**
   * A folder to write into: it may be missing (it is created), else it must be a folder; nothing
   * above it may be a file.
   *
   * @throws BadInputException naming the path and what is in the way
   */
  public static Path outputFolder(Path p) throws IOException {
    if (Files.exists(p) && !Files.isDirectory(p)) {
      throw new BadInputException(p, "is a file, not a folder");
    }
    blockedAbove(p, "cannot create output folder " + p);
    return p;
  }

  /** A path that cannot be created because a file stands where a folder of it should be. */
  private static final class Blocked extends BadInputException {
    Blocked(String message, Path file) {
      super(message, null, file);
    }
  }

  /** Fails when the nearest existing path above {@code p} is not a folder. */
  private static void blockedAbove(Path p, String what) throws BadInputException {
    for (Path up = p.toAbsolutePath().getParent(); up != null; up = up.getParent()) {
      if (Files.isDirectory(up)) {
        return;
      }
      if (Files.exists(up)) {
        throw new Blocked(what + ": " + up + " is a file, not a folder", p);
      }
    }
  }
}
