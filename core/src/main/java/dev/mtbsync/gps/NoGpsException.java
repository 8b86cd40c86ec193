package dev.mtbsync.gps;

import java.nio.file.Path;

/**
 * A readable file that holds no GPS: a video without GoPro telemetry, telemetry without a GPS
 * stream, or a GPS stream that never had a fix. Not a broken file: there is just nothing to use.
 */
public class NoGpsException extends GpsFormatException {

  public NoGpsException(Path file, String problem) {
    super(file, problem);
  }
}
