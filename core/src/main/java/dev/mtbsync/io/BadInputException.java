package dev.mtbsync.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An input the user named that cannot be used: a folder where a file was wanted, a device, a file
 * that is not what it claims to be. The message is one line, {@code FILE: problem}, fit to show as
 * it is; the format-specific failures (video, markers, GPS) are subclasses.
 */
public class BadInputException extends IOException {

  private final transient Path file;

  public BadInputException(Path file, String problem) {
    this(file, problem, null);
  }

  public BadInputException(Path file, String problem, Throwable cause) {
    this(file + ": " + problem, cause, file);
  }

  /** A message built whole (e.g. with a line number after the file, or a verb before it). */
  protected BadInputException(String message, Throwable cause, Path file) {
    super(message, cause);
    this.file = file;
  }

  /** The input at fault. */
  public Path file() {
    return file;
  }
}
