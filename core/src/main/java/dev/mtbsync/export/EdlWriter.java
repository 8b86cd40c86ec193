package dev.mtbsync.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * CMX3600 EDLs with one one-frame event per marker: source in/out in the clip's own timecode,
 * record in/out on the timeline (the marker sits at record-in).
 *
 * <p>Two flavours. Resolve's: after each event the line {@code |C:ResolveColorBlue |M:name |D:1}
 * that DaVinci Resolve's "Timeline Markers from EDL" import reads (it carries one text, so the
 * comment joins the name). Plain: {@code * FROM CLIP NAME}, {@code * LOC} and {@code * COMMENT}
 * lines, which every CMX3600 reader skips or shows as notes.
 *
 * <p>Text is printable ASCII on one line, as 7-bit EDL readers expect. In Resolve's lines a {@code
 * |} would start a new field, so it becomes {@code /}, and a text starting with a digit gets a
 * leading {@code _} (Resolve is reported to drop such names).
 */
final class EdlWriter implements MarkerWriter {

  /** Event numbers have three digits. */
  static final int MAX_EVENTS = 999;

  /** CMX3600 titles are at most 70 characters. */
  private static final int MAX_TITLE = 70;

  private final boolean resolve;

  private EdlWriter(boolean resolve) {
    this.resolve = resolve;
  }

  /** Resolve's marker EDL. */
  static EdlWriter resolve() {
    return new EdlWriter(true);
  }

  /** Plain CMX3600 with comment lines. */
  static EdlWriter plain() {
    return new EdlWriter(false);
  }

  @Override
  public int capacity() {
    return MAX_EVENTS;
  }

  @Override
  public void write(ExportJob job, OutputStream stream) throws IOException {
    Writer out = new OutputStreamWriter(stream, StandardCharsets.US_ASCII);
    String title = EditorText.ascii(job.clipName());
    out.write("TITLE: " + title.substring(0, Math.min(MAX_TITLE, title.length())) + "\n");
    out.write(job.timecode().dropFrame() ? "FCM: DROP FRAME\n" : "FCM: NON-DROP FRAME\n");
    int event = 0;
    for (PlacedMarker p : job.placed()) {
      long f = p.frame();
      out.write('\n');
      out.write(
          String.format(
              Locale.ROOT,
              "%03d  %-8s %-5s %-8s %s %s %s %s\n",
              ++event,
              job.reel(),
              "V",
              "C",
              job.sourceLabel(f),
              job.sourceLabel(f + 1),
              job.timelineLabel(f),
              job.timelineLabel(f + 1)));
      if (resolve) {
        out.write(
            " |C:"
                + MarkerColours.resolveEdl(p.marker())
                + " |M:"
                + resolveText(EditorText.nameWithComment(p.marker().name(), p.marker().comment()))
                + " |D:1\n");
      } else {
        out.write("* FROM CLIP NAME: " + EditorText.ascii(job.clipName()) + "\n");
        out.write(
            String.format(
                Locale.ROOT,
                "* LOC: %s %-7s %s\n",
                job.timelineLabel(f),
                MarkerColours.avid(p.marker()).toUpperCase(Locale.ROOT),
                EditorText.ascii(p.marker().name())));
        String comment = EditorText.ascii(p.marker().comment());
        if (!comment.isEmpty()) {
          out.write("* COMMENT: " + comment + "\n");
        }
      }
    }
    out.flush();
  }

  private static String resolveText(String text) {
    String t = EditorText.ascii(text).replace('|', '/');
    return !t.isEmpty() && Character.isDigit(t.charAt(0)) ? "_" + t : t;
  }
}
