package dev.mtbsync.export;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the CMX3600 marker EDLs mtbsync writes, written for the tests apart from the
 * writer: every line must be one the format allows, in its place, with its columns where CMX3600
 * puts them; timecodes must be labels that exist (drop-frame ones included) and each event one
 * marker's length (one frame for a point, the {@code |D:} frames in Resolve's flavour). It fails
 * with the line number and the line.
 *
 * <p>Layout as Resolve's own "Timeline Markers to EDL" export writes it: CRLF line ends, a blank
 * line after the header and after each event; in Resolve's flavour the source columns repeat the
 * record ones and the event line ends in two spaces. Records as OpenTimelineIO's cmx_3600 reader
 * takes them: a record that starts before the previous one ends overlaps it, which is an error
 * there (so are two markers on one frame, and a timecode that wrapped past 24:00:00:00); a line
 * after an event that starts with a digit (once stripped) is read there as the next event; and
 * source and record must last as long, where both sides count at one rate.
 *
 * <p>The source side may count at another rate (the clip's own, when the timeline runs at another):
 * then its labels must exist at that rate, and its span must cover the record's time to within one
 * of its own frames.
 */
final class StrictEdl {

  /** One event and the lines that follow it. */
  record Event(
      int number,
      String reel,
      String srcIn,
      String srcOut,
      String recIn,
      String recOut,
      List<String> notes) {}

  /** What was read. */
  record Edl(String title, boolean dropFrame, List<Event> events) {}

  private static final Pattern TITLE = Pattern.compile("TITLE: ([\\x20-\\x7E]{1,70})");
  private static final Pattern FCM = Pattern.compile("FCM: (DROP FRAME|NON-DROP FRAME)");
  private static final String TC = "(\\d\\d):(\\d\\d):(\\d\\d)([:;])(\\d\\d)";
  private static final Pattern LABEL = Pattern.compile(TC);

  /**
   * Event line by columns: number 1-3, two spaces, reel 6-13 (left-aligned, space-padded), space,
   * track 15-19 ("V" padded), space, transition 21-28 ("C" padded), space, then four timecodes
   * separated by one space.
   */
  private static final Pattern EVENT =
      Pattern.compile(
          "(\\d{3})  ([A-Za-z0-9_]{1,8}) *(?<=^.{13})"
              + " V {4} C {7} "
              + "("
              + TC
              + ") ("
              + TC
              + ") ("
              + TC
              + ") ("
              + TC
              + ")( {2})?");

  /**
   * Resolve's marker line: an optional note (text before {@code |C:}; not starting with a digit or
   * {@code *}, which would make the stripped line an event or a comment), colour, name, duration.
   */
  private static final Pattern RESOLVE =
      Pattern.compile(
          "(|[\\x21-\\x29\\x2B-\\x2F\\x3A-\\x7B\\x7D\\x7E][\\x20-\\x7B\\x7D\\x7E]*)"
              + " \\|C:ResolveColor(Blue|Cyan|Green|Yellow|Red|Pink|Purple|Fuchsia|Rose|Lavender|Sky"
              + "|Mint|Lemon|Sand|Cocoa|Cream) \\|M:([\\x20-\\x7B\\x7D\\x7E]+) \\|D:(\\d+)");

  private static final Pattern COMMENT = Pattern.compile("\\* [\\x20-\\x7E]+");

  private StrictEdl() {}

  /**
   * Reads an EDL.
   *
   * @param timebase the timecode base (24, 25, 30, 50, 60)
   * @param resolve true when each event must be followed by exactly one Resolve marker line, false
   *     when by {@code * } comment lines only
   */
  static Edl read(String text, int timebase, boolean resolve) {
    return read(text, timebase, 1, resolve, timebase, 1, null);
  }

  /**
   * Reads an EDL whose record side runs at {@code record} and whose source columns count at {@code
   * source}, drop-frame there when {@code sourceDf}.
   */
  static Edl read(
      String text, FrameRate record, boolean resolve, FrameRate source, boolean sourceDf) {
    return read(
        text,
        record.timebase(),
        record.fps() / record.timebase(),
        resolve,
        source.timebase(),
        source.fps() / source.timebase(),
        sourceDf);
  }

  /**
   * The reader: {@code pace} is a rate's frames per second over its timebase (1000/1001 for the
   * NTSC rates), {@code sourceDf} null for as the FCM line says.
   */
  private static Edl read(
      String text,
      int timebase,
      double pace,
      boolean resolve,
      int sourceTimebase,
      double sourcePace,
      Boolean sourceDf) {
    if (!text.endsWith("\r\n\r\n")) {
      throw new AssertionError("the file does not end with a CRLF blank line after its last event");
    }
    String[] lines = text.substring(0, text.length() - 2).split("\r\n", -1);
    for (int k = 0; k < lines.length; k++) {
      if (lines[k].indexOf('\n') >= 0 || lines[k].indexOf('\r') >= 0) {
        fail(k, lines[k], "a line break that is not CRLF");
      }
    }
    Matcher title = match(TITLE, lines, 0);
    Matcher fcm = match(FCM, lines, 1);
    boolean df = fcm.group(1).equals("DROP FRAME");
    if (lines.length < 3 || !lines[2].isEmpty()) {
      fail(2, lines.length < 3 ? "" : lines[2], "a blank line must follow the header");
    }
    List<Event> events = new ArrayList<>();
    int i = 3;
    String lastRecordOut = null;
    while (i < lines.length) {
      Matcher e = match(EVENT, lines, i);
      int number = Integer.parseInt(e.group(1));
      if (number != events.size() + 1) {
        fail(i, lines[i], "event " + (events.size() + 1) + " expected");
      }
      if ((e.group(27) != null) != resolve) {
        fail(i, lines[i], resolve ? "Resolve ends event lines in two spaces" : "trailing spaces");
      }
      String[] tcs = {e.group(3), e.group(9), e.group(15), e.group(21)};
      boolean srcDf = sourceDf == null ? df : sourceDf;
      checkLabel(tcs[0], sourceTimebase, srcDf, i, lines[i]);
      checkLabel(tcs[1], sourceTimebase, srcDf, i, lines[i]);
      checkLabel(tcs[2], timebase, df, i, lines[i]);
      checkLabel(tcs[3], timebase, df, i, lines[i]);
      long recordFrames = frames(tcs[3], timebase, df) - frames(tcs[2], timebase, df);
      long sourceFrames =
          frames(tcs[1], sourceTimebase, srcDf) - frames(tcs[0], sourceTimebase, srcDf);
      if (recordFrames < 1 || sourceFrames < 1) {
        fail(i, lines[i], "an event must last at least one frame");
      }
      if (sourceTimebase == timebase && sourceFrames != recordFrames) {
        fail(i, lines[i], "source and record durations differ");
      }
      if (sourceTimebase != timebase
          && Math.abs(
                  sourceFrames / (sourceTimebase * sourcePace) - recordFrames / (timebase * pace))
              > 1.0 / (sourceTimebase * sourcePace) + 1e-9) {
        fail(i, lines[i], "the source span does not cover the record's time");
      }
      if (lastRecordOut != null && tcs[2].compareTo(lastRecordOut) < 0) {
        fail(i, lines[i], "overlapping record: it starts before the previous event ends");
      }
      if (resolve && !(tcs[0].equals(tcs[2]) && tcs[1].equals(tcs[3]))) {
        fail(i, lines[i], "Resolve's marker events repeat the record timecodes as source");
      }
      lastRecordOut = tcs[3];
      int eventLine = i;
      i++;
      List<String> notes = new ArrayList<>();
      while (i < lines.length && !lines[i].isEmpty()) {
        notes.add(match(resolve ? RESOLVE : COMMENT, lines, i).group(0));
        i++;
      }
      if (resolve && notes.size() != 1) {
        fail(eventLine, lines[eventLine], "a Resolve marker event takes exactly one |C: line");
      }
      if (resolve && Long.parseLong(resolveFields(notes.get(0))[2]) != recordFrames) {
        fail(eventLine, lines[eventLine], "|D: must be the event's length in frames");
      }
      if (i >= lines.length) {
        fail(i, "", "a blank line must follow each event");
      }
      i++;
      events.add(new Event(number, e.group(2), tcs[0], tcs[1], tcs[2], tcs[3], notes));
    }
    return new Edl(title.group(1), df, events);
  }

  /** The Resolve fields of a marker line: colour, name, duration, note. */
  static String[] resolveFields(String line) {
    Matcher m = RESOLVE.matcher(line);
    if (!m.matches()) {
      throw new AssertionError("not a Resolve marker line: " + line);
    }
    return new String[] {m.group(2), m.group(3), m.group(4), m.group(1)};
  }

  /**
   * A label as a frame count from 00:00:00:00, counted here apart from the writer's code:
   * drop-frame skips {@code base / 15} labels at each minute but every tenth.
   */
  static long frames(String tc, int base, boolean df) {
    Matcher m = LABEL.matcher(tc);
    if (!m.matches()) {
      throw new AssertionError(tc);
    }
    long minutes = Long.parseLong(m.group(1)) * 60 + Long.parseLong(m.group(2));
    long nominal = (minutes * 60 + Long.parseLong(m.group(3))) * base + Long.parseLong(m.group(5));
    return df ? nominal - (base / 15) * (minutes - minutes / 10) : nominal;
  }

  /** A label must exist: fields in range, and not one drop-frame skips. */
  private static void checkLabel(String tc, int base, boolean df, int at, String line) {
    Matcher m = LABEL.matcher(tc);
    if (!m.matches() || m.group(4).equals(";") != df) {
      fail(at, line, tc + ": separator does not match the FCM line");
    }
    int mm = Integer.parseInt(m.group(2));
    int ss = Integer.parseInt(m.group(3));
    int ff = Integer.parseInt(m.group(5));
    if (Integer.parseInt(m.group(1)) > 23 || mm > 59 || ss > 59 || ff >= base) {
      fail(at, line, tc + " is out of range");
    }
    if (df && ss == 0 && ff < base / 15 && mm % 10 != 0) {
      fail(at, line, tc + " is a label drop-frame skips");
    }
  }

  /** The label one frame later, counting as a timecode generator does. */
  static String next(String tc, int base, boolean df) {
    Matcher m = LABEL.matcher(tc);
    if (!m.matches()) {
      throw new AssertionError(tc);
    }
    int h = Integer.parseInt(m.group(1));
    int mm = Integer.parseInt(m.group(2));
    int s = Integer.parseInt(m.group(3));
    int f = Integer.parseInt(m.group(5)) + 1;
    if (f == base) {
      f = 0;
      if (++s == 60) {
        s = 0;
        if (++mm == 60) {
          mm = 0;
          h = (h + 1) % 24;
        }
        if (df && mm % 10 != 0) {
          f = base / 15;
        }
      }
    }
    return String.format("%02d:%02d:%02d%s%02d", h, mm, s, m.group(4), f);
  }

  private static Matcher match(Pattern p, String[] lines, int i) {
    if (i >= lines.length) {
      throw new AssertionError("line " + (i + 1) + ": missing (" + p + " expected)");
    }
    Matcher m = p.matcher(lines[i]);
    if (!m.matches()) {
      fail(i, lines[i], "does not match " + p);
    }
    return m;
  }

  private static void fail(int i, String line, String why) {
    throw new AssertionError("line " + (i + 1) + " '" + line + "': " + why);
  }
}
