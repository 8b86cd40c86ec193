package dev.mtbsync.markers;

import dev.mtbsync.io.BadInputException;
import java.nio.file.Path;

/** A marker file that cannot be used; the message names the file, the line and the problem. */
public class MarkerFormatException extends BadInputException {

  public MarkerFormatException(Path file, long line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem, null, file);
  }
}
