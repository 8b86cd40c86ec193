package dev.mtbsync.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * CMX3600 EDLs with one event per marker, record in/out on the timeline (the marker sits at
 * record-in; a point marker lasts one frame, a sector runs to the next gate). Lines end in CRLF,
 * and a blank line follows the header and each event, as Resolve's own "Timeline Markers to EDL"
 * export writes them.
 *
 * <p>Two flavours. Resolve's: source in/out repeat the record timecodes, as Resolve's own marker
 * EDL does (readers of that form take the source-in column as the marker's time), the event line
 * ends in two spaces as Resolve's does, and after it comes the line {@code note |C:ResolveColorBlue
 * |M:name |D:frames} that Resolve's "Timeline Markers from EDL" import reads: the text before
 * {@code |C:} is the marker's note (empty: the line starts with the space), {@code |D:} its
 * duration. Plain: source in/out in the clip's own timecode at the clip's own rate (a 29.97 GoPro
 * clip on a 25 fps timeline keeps its 29.97 labels, as the camera wrote them), then {@code * FROM
 * CLIP NAME}, {@code * LOC} and {@code * COMMENT} lines, which every CMX3600 reader skips or shows
 * as notes.
 *
 * <p>One marker per frame: a second event at the same record time overlaps the first, which CMX3600
 * readers (OpenTimelineIO's) reject, and Resolve keeps one marker per frame.
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
  public boolean onePerFrame() {
    return true;
  }

  @Override
  public boolean writesSourceTimecode() {
    return !resolve;
  }

  @Override
  public void write(ExportJob job, OutputStream stream) throws IOException {
    Writer out = new OutputStreamWriter(stream, StandardCharsets.US_ASCII);
    String title = EditorText.ascii(job.clipName());
    line(out, "TITLE: " + title.substring(0, Math.min(MAX_TITLE, title.length())));
    line(out, job.timecode().dropFrame() ? "FCM: DROP FRAME" : "FCM: NON-DROP FRAME");
    line(out, "");
    int event = 0;
    for (PlacedMarker p : job.placed()) {
      long f = p.frame();
      String recIn = job.timelineLabel(f);
      String recOut = job.timelineLabel(f + p.duration());
      line(
          out,
          String.format(
              Locale.ROOT,
              "%03d  %-8s %-5s %-8s %s %s %s %s%s",
              ++event,
              job.reel(),
              "V",
              "C",
              resolve ? recIn : job.sourceLabel(job.sourceFrame(p)),
              resolve ? recOut : job.sourceLabel(job.sourceEnd(p)),
              recIn,
              recOut,
              resolve ? "  " : ""));
      if (resolve) {
        line(
            out,
            resolveText(p.marker().comment())
                + " |C:"
                + MarkerColours.resolveEdl(p.marker())
                + " |M:"
                + resolveText(p.marker().name())
                + " |D:"
                + p.duration());
      } else {
        line(out, "* FROM CLIP NAME: " + EditorText.ascii(job.clipName()));
        line(
            out,
            String.format(
                Locale.ROOT,
                "* LOC: %s %-7s %s",
                recIn,
                MarkerColours.avid(p.marker()).toUpperCase(Locale.ROOT),
                EditorText.ascii(p.marker().name())));
        String comment = EditorText.ascii(p.marker().comment());
        if (!comment.isEmpty()) {
          line(out, "* COMMENT: " + comment);
        }
      }
      line(out, "");
    }
    out.flush();
  }

  /** One line, ended as Resolve and DOS-era CMX3600 tools end them. */
  private static void line(Writer out, String text) throws IOException {
    out.write(text);
    out.write("\r\n");
  }

  /**
   * A name or note for Resolve's marker line. A digit at the start of the line would make CMX3600
   * readers (OpenTimelineIO's) take the note line for an event, and Resolve is reported to drop
   * names starting with one, so it gets a leading {@code _}; so does a leading {@code *}, which
   * would make the line a comment.
   */
  private static String resolveText(String text) {
    String t = EditorText.ascii(text == null ? "" : text).replace('|', '/');
    return !t.isEmpty() && (Character.isDigit(t.charAt(0)) || t.charAt(0) == '*') ? "_" + t : t;
  }
}
