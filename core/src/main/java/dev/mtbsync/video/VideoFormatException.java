package dev.mtbsync.video;

import dev.mtbsync.io.BadInputException;
import java.nio.file.Path;

/** A file that is missing, empty, not a video, or cannot be decoded; the message names it. */
public class VideoFormatException extends BadInputException {

  public VideoFormatException(Path file, String problem) {
    super(file, problem);
  }

  public VideoFormatException(Path file, String problem, Throwable cause) {
    super(file, problem, cause);
  }
}
