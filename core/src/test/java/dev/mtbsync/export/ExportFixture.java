package dev.mtbsync.export;

import dev.mtbsync.markers.MarkerCsv;
import dev.mtbsync.markers.NewMarker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The markers the export tests share ({@code export/markers.csv}: commas, quotes, pipes, accents, a
 * snowman and an emoji, a line break, a tab, a name starting with a digit, markers to review, one
 * the new run does not cover, one past the clip's end, frames at the drop-frame minute and
 * ten-minute edges) and a GoPro-like clip to place them on.
 */
final class ExportFixture {

  /** The clip's length: 11 minutes, so the marker at 700 s is past its end. */
  static final double CLIP_SEC = 660.0;

  /** GoPro's start timecode, as FFmpeg reports a non-drop-frame one. */
  static final String GOPRO_TC = "19:26:48:04";

  private ExportFixture() {}

  /** The fixture markers as read from the test resources. */
  static List<NewMarker> markers(Path dir) {
    try (InputStream in = ExportFixture.class.getResourceAsStream("/export/markers.csv")) {
      Path file = dir.resolve("new_markers.csv");
      Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return MarkerCsv.readNew(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A 4K GoPro clip at {@code rate} whose timecode starts at {@code startTc}. */
  static SourceClip goPro(FrameRate rate, String startTc) {
    return new SourceClip(
        Path.of("/media/GX010123.MP4"), rate.fps(), CLIP_SEC, -1, 3840, 2160, startTc);
  }

  /**
   * The GoPro clip at one of the golden rates: 23.976 and 25 non-drop-frame, 29.97 with a
   * drop-frame start timecode (so the export is drop-frame).
   */
  static SourceClip goPro(FrameRate rate) {
    return goPro(rate, rate.allowsDropFrame() ? GOPRO_TC.replace("48:04", "48;04") : GOPRO_TC);
  }

  /** Exports the fixture markers in {@code preset} onto {@code clip} into {@code dir}. */
  static ExportResult export(Path dir, ExportPreset preset, SourceClip clip) throws IOException {
    return export(dir, preset, clip, false);
  }

  static ExportResult export(Path dir, ExportPreset preset, SourceClip clip, boolean json)
      throws IOException {
    List<NewMarker> markers = markers(dir);
    ExportRequest req =
        new ExportRequest(
            dir.resolve("new_markers.csv"),
            preset,
            null,
            null,
            null,
            null,
            ExportRequest.DEFAULT_REEL,
            null,
            null,
            json);
    return MarkerExport.export(req, markers, clip);
  }
}
