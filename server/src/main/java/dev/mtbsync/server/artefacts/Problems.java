package dev.mtbsync.server.artefacts;

import dev.mtbsync.server.files.OutsideRootException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Problem lines for the page: core names files by their full path; cards name them shortly. */
public final class Problems {

  private Problems() {}

  /** The exception's first line, without the full path of {@code file} it starts with. */
  public static String oneLine(Exception e, Path file) {
    if (e instanceof OutsideRootException o) {
      return o.why() + " (not read)";
    }
    if (e instanceof NoSuchFileException n) {
      return n.getReason() == null ? "missing" : n.getReason();
    }
    String m = String.valueOf(e.getMessage());
    m = m.lines().findFirst().orElse(m);
    // Jackson's locations ("(start marker at [Source: ...; line: 1, column: 1])") say nothing
    m = m.replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "");
    String full = file.toString();
    if (m.startsWith(full + ": ")) {
      return m.substring(full.length() + 2);
    }
    if (m.startsWith(full + ":")) {
      return "line " + m.substring(full.length() + 1);
    }
    return m.replace(full, file.getFileName().toString());
  }
}
