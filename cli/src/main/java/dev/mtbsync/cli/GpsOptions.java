package dev.mtbsync.cli;

import dev.mtbsync.gps.GpsInputs;
import dev.mtbsync.gps.GpsSource;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The GPS flags of sync: where each run's track comes from, and its clock's offset. */
public final class GpsOptions {

  /** The value that asks for a video's own telemetry. */
  static final String AUTO = "auto";

  @Option(
      names = {"--ref-gps", "--ref-gpx"},
      paramLabel = "FILE|auto",
      description =
          "The reference run's GPS: a GPX or FIT file, or 'auto' for the GoPro telemetry in the"
              + " reference video itself.")
  String refGps;

  @Option(
      names = {"--new-gps", "--new-gpx"},
      paramLabel = "FILE|auto",
      description =
          "The new run's GPS: a GPX or FIT file, or 'auto' for the GoPro telemetry in the new"
              + " video itself.")
  String newGps;

  @Option(
      names = "--ref-gps-offset",
      paramLabel = "SEC",
      defaultValue = "0",
      description =
          "Seconds the reference's GPS clock runs ahead of its video's (default: ${DEFAULT-VALUE}).")
  double refOffsetSec;

  @Option(
      names = "--new-gps-offset",
      paramLabel = "SEC",
      defaultValue = "0",
      description =
          "Seconds the new run's GPS clock runs ahead of its video's (default: ${DEFAULT-VALUE}).")
  double newOffsetSec;

  /** The sources asked for; checks the offsets. */
  GpsInputs inputs() {
    return new GpsInputs(
        source(refGps, refOffsetSec, "--ref-gps-offset"),
        source(newGps, newOffsetSec, "--new-gps-offset"));
  }

  private static GpsSource source(String value, double offset, String flag) {
    if (!Double.isFinite(offset) || Math.abs(offset) > 86_400) {
      throw new UsageException(flag + " must be seconds within a day, got " + offset);
    }
    if (value == null) {
      if (offset != 0) {
        throw new UsageException(flag + " needs a GPS source for that run");
      }
      return GpsSource.NONE;
    }
    return value.equalsIgnoreCase(AUTO)
        ? GpsSource.video(offset)
        : GpsSource.file(Path.of(value), offset);
  }
}
