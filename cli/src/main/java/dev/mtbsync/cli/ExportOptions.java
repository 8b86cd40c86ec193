package dev.mtbsync.cli;

import dev.mtbsync.config.ConfigException;
import dev.mtbsync.export.ExportPreset;
import dev.mtbsync.export.ExportRequest;
import dev.mtbsync.export.ExportResult;
import dev.mtbsync.export.FrameRate;
import dev.mtbsync.export.MarkerExport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The flags of export-markers and its alias export. */
public final class ExportOptions {

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "File to write (default: the markers file's name with the preset's suffix, e.g."
              + " new_markers.edl, beside it).",
      converter = PathKinds.OutputFile.class)
  Path out;

  @Option(
      names = "--fps",
      paramLabel = "RATE",
      converter = RateConverter.class,
      description =
          "Timeline rate: 23.976, 24, 25, 29.97, 30, 50, 59.94 or 60 (default: the new video's,"
              + " else 29.97).")
  FrameRate fps;

  @Option(
      names = "--drop-frame",
      negatable = true,
      description =
          "Drop-frame timecode (HH:MM:SS;FF) at 29.97/59.94, or --no-drop-frame (default: as the"
              + " video's own timecode, else drop-frame at those rates).")
  Boolean dropFrame;

  @Option(
      names = "--start-tc",
      paramLabel = "TC",
      description =
          "Timeline timecode of the clip's first frame (default: 01:00:00:00 for resolve-edl and"
              + " avid, 00:00:00:00 otherwise).")
  String startTc;

  @Option(
      names = "--reel",
      defaultValue = ExportRequest.DEFAULT_REEL,
      paramLabel = "NAME",
      description = "EDL reel name: up to 8 letters, digits or _ (default: ${DEFAULT-VALUE}).")
  String reel;

  @Option(
      names = "--clip-name",
      paramLabel = "NAME",
      description = "Clip and timeline name (default: the video's file name).")
  String clipName;

  @Option(
      names = "--video",
      paramLabel = "VIDEO",
      description =
          "The new run's video: its rate, length, size and start timecode (GoPro) place the"
              + " markers (default: the one run.json names when the markers are in a run folder).",
      converter = PathKinds.InputFile.class)
  Path video;

  @Option(
      names = "--sectors",
      description =
          "Make each marker a range up to the next one (the sectors of a run, gate to gate) in the"
              + " formats that have range markers: fcpxml, premiere, edl, resolve-edl, avid.")
  boolean sectors;

  @Option(
      names = "--chapters",
      description = "fcpxml: write chapter markers (chapters of the exported movie), not markers.")
  boolean chapters;

  @Option(
      names = "--json",
      description = "Also write the placement (frames, timecodes, markers left out) as FILE.json.")
  boolean json;

  /** The flag behind each export parameter the engine names when it refuses a value. */
  private static final Map<String, String> FLAGS =
      Map.of(
          "reel", "--reel",
          "clip name", "--clip-name",
          "out", "--out",
          "fps", "--fps");

  /** Runs the export and prints what it wrote: the body of both export-markers and export. */
  Integer export(CommandSpec spec, Path markers, ExportPreset preset, boolean quiet)
      throws IOException {
    ExportRequest request =
        UsageException.flagged(
            FLAGS,
            () ->
                new ExportRequest(
                        markers, preset, out, fps, dropFrame, startTc, reel, clipName, video, json,
                        sectors, chapters)
                    .validate());
    ExportResult result;
    try {
      result = MarkerExport.run(request);
    } catch (ConfigException e) { // e.g. a video whose rate is no timeline rate needs --fps
      throw UsageException.flagged(FLAGS, e);
    }
    Report.export(spec.commandLine().getOut(), spec.commandLine().getErr(), result, quiet);
    return ExitCodes.OK;
  }

  /** Reads a timeline rate such as 29.97. */
  static final class RateConverter implements ITypeConverter<FrameRate> {
    @Override
    public FrameRate convert(String value) {
      try {
        return FrameRate.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** Reads a preset name such as resolve-edl. */
  static final class PresetConverter implements ITypeConverter<ExportPreset> {
    @Override
    public ExportPreset convert(String value) {
      try {
        return ExportPreset.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** The preset names, for help and completion. */
  static final class PresetNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of(ExportPreset.values()).stream().map(ExportPreset::cliName).iterator();
    }
  }
}
