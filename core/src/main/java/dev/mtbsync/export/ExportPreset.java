package dev.mtbsync.export;

import java.util.Arrays;
import java.util.Locale;

/** The editor formats markers export to, by the names the CLI uses. */
public enum ExportPreset {
  /** The transfer CSV plus each marker's frame and timecode. */
  CSV("csv", ".timecode.csv", "00:00:00:00"),
  /** CMX3600 with the marker lines DaVinci Resolve imports as timeline markers. */
  RESOLVE_EDL("resolve-edl", ".edl", "01:00:00:00"),
  /** Plain CMX3600: one-frame events with {@code * } comment lines. */
  EDL("edl", ".cmx3600.edl", "00:00:00:00"),
  /** Final Cut Pro X (FCPXML 1.10): markers on an asset-clip of the new video. */
  FCPXML("fcpxml", ".fcpxml", "00:00:00:00"),
  /** Final Cut Pro 7 XML (xmeml v5), which Premiere Pro imports: sequence markers. */
  PREMIERE("premiere", ".xml", "00:00:00:00"),
  /** Avid Media Composer's tab-separated marker text (Tools > Markers > Import). */
  AVID("avid", ".avid.txt", "01:00:00:00");

  private final String cliName;
  private final String suffix;
  private final String defaultStart;

  ExportPreset(String cliName, String suffix, String defaultStart) {
    this.cliName = cliName;
    this.suffix = suffix;
    this.defaultStart = defaultStart;
  }

  /** The name on the command line, e.g. {@code resolve-edl}. */
  public String cliName() {
    return cliName;
  }

  /**
   * What replaces {@code .csv} in the markers file's name for the default output, e.g. {@code
   * new_markers.csv} to {@code new_markers.edl}. Distinct per preset, so exports never overwrite
   * each other or the markers file.
   */
  public String suffix() {
    return suffix;
  }

  /**
   * The timeline's start timecode when none is given (non-drop form): Resolve and Media Composer
   * start new timelines at 01:00:00:00, the others at zero.
   */
  public String defaultStart() {
    return defaultStart;
  }

  /**
   * Reads a CLI name ({@code resolve-edl}; case and {@code _} for {@code -} forgiven).
   *
   * @throws IllegalArgumentException listing the presets
   */
  public static ExportPreset parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values())
        .filter(p -> p.cliName.equals(n))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("unknown preset '" + name + "'; use " + names()));
  }

  /** The CLI names, comma-separated. */
  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(ExportPreset::cliName).toList());
  }

  @Override
  public String toString() {
    return cliName;
  }
}
