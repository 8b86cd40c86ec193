package dev.mtbsync.gps;

import dev.mtbsync.io.BadInputException;
import java.nio.file.Path;

/** A GPS file (GPX, FIT) or a video's telemetry that cannot be read; the message names the file. */
public class GpsFormatException extends BadInputException {

  public GpsFormatException(Path file, String problem) {
    super(file, problem);
  }

  public GpsFormatException(Path file, String problem, Throwable cause) {
    super(file, problem, cause);
  }
}
