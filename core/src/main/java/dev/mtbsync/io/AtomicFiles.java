package dev.mtbsync.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes artefacts so that readers see either the old file or the complete new one, never half a
 * file: content goes to a temporary file beside the target, which is then renamed over it.
 */
public final class AtomicFiles {

  /** Writes the content of one file to the given path. */
  @FunctionalInterface
  public interface Writer {
    void writeTo(Path temp) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes {@code target} through {@code writer}. On any failure the target is left as it was and
   * the temporary file is removed.
   */
  public static void write(Path target, Writer writer) throws IOException {
    Path temp = tempBeside(target);
    try {
      writer.writeTo(temp);
      publish(temp, target);
    } catch (IOException e) {
      throw namingTarget(e, temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * A failure of the file system while writing (disk full, no permission, a missing folder) as one
   * line naming the file the user will look for, not the temporary one: {@code cannot write TARGET:
   * No space left on device}. Failures with a message of their own (a bad input read while writing)
   * pass through.
   */
  static IOException namingTarget(IOException e, Path temp, Path target) {
    String reason;
    if (e instanceof FileSystemException fs
        && (temp.toString().equals(fs.getFile()) || target.toString().equals(fs.getFile()))) {
      reason =
          e instanceof NoSuchFileException
              ? "its folder " + target.toAbsolutePath().getParent() + " does not exist"
              : e instanceof AccessDeniedException
                  ? "permission denied"
                  : fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
    } else if (e.getClass() == IOException.class && e.getCause() == null) {
      reason = e.getMessage(); // a stream's own failure, e.g. "No space left on device"
    } else {
      return e;
    }
    return new IOException("cannot write " + target + ": " + reason, e);
  }

  /** Writes text (UTF-8) atomically. */
  public static void writeString(Path target, String text) throws IOException {
    write(target, temp -> Files.writeString(temp, text));
  }

  /** A fresh temporary path in the target's folder (same file system, so the rename is atomic). */
  public static Path tempBeside(Path target) {
    Path dir = target.toAbsolutePath().getParent();
    String name = "." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid();
    return dir.resolve(name + "-" + Long.toHexString(System.nanoTime()));
  }

  /** Renames a finished temporary file over its target, atomically where the file system can. */
  public static void publish(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
