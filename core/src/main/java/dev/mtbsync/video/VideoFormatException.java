package dev.mtbsync.video;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is missing, empty, not a video, or cannot be decoded; the message names it. */
public class VideoFormatException extends IOException {

  public VideoFormatException(Path file, String problem) {
    super(file + ": " + problem);
  }

  public VideoFormatException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
