package dev.mtbsync.cli;

import dev.mtbsync.gps.GpsFiles;
import dev.mtbsync.gps.GpsTrack;
import dev.mtbsync.gps.GpxFiles;
import dev.mtbsync.gps.NoGpsException;
import dev.mtbsync.gps.TrackPoint;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtbsync gps-extract}: writes the GPS a GoPro video (or a FIT file) holds as GPX. */
@Command(
    name = "gps-extract",
    mixinStandardHelpOptions = true,
    description = {
      "Write the GPS a GoPro video records as GPX.",
      "",
      "Reads the GPMF telemetry of a GoPro MP4/MOV (GPS5 on HERO5 to HERO11, GPS9 on HERO11 and"
          + " later), timed by the telemetry track's sample table, and writes its fixes as GPX 1.1"
          + " with their fix type and DOP. Samples taken without a fix are left out. A FIT or GPX"
          + " file is converted the same way. Exits 2 when the file holds no GPS."
    },
    footer = {
      "",
      "Examples:",
      "  mtbsync gps-extract GX010123.MP4 --out run.gpx",
      "  mtbsync gps-extract ride.fit --out ride.gpx"
    })
final class GpsExtractCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "A GoPro video (MP4/MOV), or a FIT or GPX file.",
      converter = PathKinds.InputFile.class)
  Path input;

  @Option(
      names = "--out",
      paramLabel = "GPX",
      description = "GPX file to write (default: the input's name with .gpx, beside it).",
      converter = PathKinds.OutputFile.class)
  Path out;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    GpsTrack track;
    try {
      track = GpsFiles.read(input);
    } catch (NoGpsException e) {
      spec.commandLine().getErr().println("mtbsync: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    List<TrackPoint> fixes =
        track.points().stream().filter(p -> p.fix() != TrackPoint.FIX_NONE).toList();
    if (fixes.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              "mtbsync: "
                  + input
                  + ": GPS never had a fix ("
                  + track.points().size()
                  + " samples without one)");
      return ExitCodes.USAGE;
    }
    Path target = out != null ? out : defaultOut(input);
    GpxFiles.write(target, name(input), fixes);
    o.println(target);
    if (!common.quiet) {
      TrackPoint a = fixes.get(0);
      TrackPoint b = fixes.get(fixes.size() - 1);
      o.printf(
          Locale.ROOT,
          "  %d fixes from %s (%s): %s to %s (%.1f s)%n",
          fixes.size(),
          track.format().toUpperCase(Locale.ROOT),
          track.detail().isEmpty() ? "no remarks" : track.detail(),
          a.time(),
          b.time(),
          Duration.between(a.time(), b.time()).toMillis() / 1000.0);
      int left = track.points().size() - fixes.size();
      if (left > 0) {
        o.printf(Locale.ROOT, "  left out %d samples without a fix%n", left);
      }
    }
    return ExitCodes.OK;
  }

  private static Path defaultOut(Path input) {
    String name = input.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String gpx = (dot > 0 ? name.substring(0, dot) : name) + ".gpx";
    Path target = input.resolveSibling(gpx);
    if (target.equals(input)) {
      throw new UsageException("--out is needed: " + input + " is already a .gpx file");
    }
    return target;
  }

  private static String name(Path input) {
    return input.getFileName().toString();
  }
}
