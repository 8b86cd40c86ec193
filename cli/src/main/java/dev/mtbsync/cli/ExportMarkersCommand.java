package dev.mtbsync.cli;

import dev.mtbsync.export.ExportPreset;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtbsync export-markers}: writes transferred markers in an editor's format. */
@Command(
    name = "export-markers",
    mixinStandardHelpOptions = true,
    description = {
      "Write transferred markers for a video editor.",
      "",
      "Write a new_markers.csv as CSV, a CMX3600 EDL (DaVinci Resolve's marker form or plain),"
          + " FCPXML, Premiere's FCP7 XML or Avid marker text. Each marker goes to its nearest"
          + " frame; one the new run does not cover, or past the clip's end, is reported and"
          + " left out."
    },
    footer = {
      "",
      "Presets: csv, resolve-edl, edl, fcpxml, premiere, avid.",
      "",
      "Examples:",
      "  mtbsync export-markers runs/RUN/new_markers.csv --preset resolve-edl",
      "  mtbsync export-markers new_markers.csv --preset fcpxml --video new.mp4 --out run2.fcpxml"
    })
final class ExportMarkersCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ExportOptions options;

  @Parameters(
      index = "0",
      paramLabel = "CSV",
      description = "Transferred markers (new_markers.csv from sync or transfer-markers).")
  Path markers;

  @Option(
      names = "--preset",
      required = true,
      paramLabel = "PRESET",
      converter = ExportOptions.PresetConverter.class,
      completionCandidates = ExportOptions.PresetNames.class,
      description = "Format: ${COMPLETION-CANDIDATES}.")
  ExportPreset preset;

  @Override
  public Integer call() throws Exception {
    return options.export(spec, markers, preset, common.quiet);
  }
}
