package dev.mtbsync.server.files;

import java.io.IOException;

/**
 * A request named a path that is not a plain path inside the root, or not inside the run folder it
 * was asked about (answered 403).
 */
public final class OutsideRootException extends IOException {

  private final String why;

  public OutsideRootException(String path, String why) {
    super("'" + path + "': " + why);
    this.why = why;
  }

  /** Why it is refused, without the path ("a link out of the root"). */
  public String why() {
    return why;
  }
}
