package dev.mtbsync.cli;

import dev.mtbsync.export.ExportPreset;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mtbsync export PRESET --markers CSV}: the Python tool's spelling of export-markers, kept
 * so its users' scripts run unchanged.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write transferred markers for a video editor (alias of export-markers).",
      "",
      "The same as 'export-markers CSV --preset PRESET', spelt as the Python mtbsync does."
    },
    footer = {
      "",
      "Example:",
      "  mtbsync export edl --markers out/new_markers.csv --out out/new_markers.edl --fps 29.97"
    })
final class ExportCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ExportOptions options;

  @Parameters(
      index = "0",
      paramLabel = "PRESET",
      converter = ExportOptions.PresetConverter.class,
      completionCandidates = ExportOptions.PresetNames.class,
      description = "Format: ${COMPLETION-CANDIDATES}.")
  ExportPreset preset;

  @Option(
      names = "--markers",
      required = true,
      paramLabel = "CSV",
      description = "Transferred markers (new_markers.csv).",
      converter = PathKinds.InputFile.class)
  Path markers;

  @Override
  public Integer call() throws Exception {
    return options.export(spec, markers, preset, common.quiet);
  }
}
