package dev.mtbsync.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Avid Media Composer's marker text (Tools > Markers > Import): one line per marker, tab-separated
 * {@code user, timecode, track, colour, comment, duration}, timecode on the sequence (drop-frame
 * with {@code ;}), colour from Media Composer's eight, duration in frames (1 for a point, the
 * sector's length for a range).
 *
 * <p>Media Composer's marker text has one text column (its comment; there is no name column in the
 * import format), so the marker's comment joins its name there; tabs and line breaks in it would
 * split the line, so they become spaces. Text is UTF-8. Media Composer keeps one marker per frame
 * and track, so markers that share a frame are joined.
 */
final class AvidMarkerWriter implements MarkerWriter {

  /** The user column: who placed the markers. */
  static final String USER = "mtbsync";

  /** Markers go on the first video track. */
  private static final String TRACK = "V1";

  @Override
  public boolean onePerFrame() {
    return true;
  }

  @Override
  public void write(ExportJob job, OutputStream stream) throws IOException {
    Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    for (PlacedMarker p : job.placed()) {
      out.write(
          String.join(
                  "\t",
                  USER,
                  job.timelineLabel(p.frame()),
                  TRACK,
                  MarkerColours.avid(p.marker()),
                  EditorText.oneLine(
                      EditorText.nameWithComment(p.marker().name(), p.marker().comment())),
                  Long.toString(p.duration()))
              + "\n");
    }
    out.flush();
  }
}
