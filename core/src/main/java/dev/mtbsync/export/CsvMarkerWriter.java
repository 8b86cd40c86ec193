package dev.mtbsync.export;

import com.fasterxml.jackson.databind.SequenceWriter;
import dev.mtbsync.markers.MarkerCsv;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The transfer CSV's columns ({@code name,t_ref,t_new,confidence,needs_review,colour,comment}) plus
 * {@code frame} (from 0 at the clip's first frame) and {@code timecode} (on the timeline). Every
 * marker gets a row; {@code frame} and {@code timecode} are empty for one that lands on no frame of
 * the clip. Fields are quoted when they hold a comma, quote or line break, so every text survives
 * as it was.
 */
final class CsvMarkerWriter implements MarkerWriter {

  /** The CSV names each marker's frame only; the JSON placement carries durations. */
  @Override
  public boolean hasRanges() {
    return false;
  }

  @Override
  public void write(ExportJob job, OutputStream stream) throws IOException {
    Long[] frames = new Long[job.markers().size()];
    for (PlacedMarker p : job.placed()) {
      frames[p.index()] = p.frame();
    }
    Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    try (SequenceWriter rows = MarkerCsv.newWriter(out, "frame", "timecode")) {
      for (int i = 0; i < frames.length; i++) {
        Object[] standard = MarkerCsv.newRow(job.markers().get(i));
        Object[] row = Arrays.copyOf(standard, standard.length + 2);
        row[standard.length] = frames[i] == null ? "" : frames[i].toString();
        row[standard.length + 1] = frames[i] == null ? "" : job.timelineLabel(frames[i]);
        rows.write(row);
      }
    }
  }
}
