package dev.mtbsync.gps;

import dev.mtbsync.io.InputPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a GPS track from a GPX file, a FIT file, or a GoPro video's telemetry, by content: the
 * name's extension decides only for content none of the three begins with (to name the right
 * problem: "not a FIT file" for a {@code .fit} that is not one).
 */
public final class GpsFiles {

  private GpsFiles() {}

  /**
   * @throws NoGpsException when a video holds no GPS
   * @throws GpsFormatException when the file is none of the three or is broken
   */
  public static GpsTrack read(Path file) throws IOException {
    InputPaths.file(file);
    byte[] head = new byte[256];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    String magic = new String(head, 0, n, StandardCharsets.ISO_8859_1);
    if (n >= 12 && magic.startsWith(".FIT", 8)) {
      return FitFiles.read(file);
    }
    if (n >= 8 && (magic.startsWith("ftyp", 4) || magic.startsWith("moov", 4))) {
      return GpmfReader.read(file);
    }
    if (magic.replaceFirst("^\\xEF\\xBB\\xBF", "").stripLeading().startsWith("<")) {
      return GpxFiles.read(file); // XML, whatever the name says
    }
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".fit")) {
      return FitFiles.read(file);
    }
    if (name.endsWith(".mp4") || name.endsWith(".mov")) {
      return GpmfReader.read(file);
    }
    return GpxFiles.read(file);
  }
}
