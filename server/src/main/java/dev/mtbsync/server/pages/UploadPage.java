package dev.mtbsync.server.pages;

import java.util.List;

/**
 * The page model of {@code templates/upload/index.jte}: adding a run from the browser (drawn and
 * driven by {@code web/upload.js}).
 *
 * @param shell the frame
 * @param references what a new run can be synced against: videos and runs under the root, as the
 *     upload's {@code reference} names them
 * @param maxUploadBytes the server's size limit, in bytes
 */
public record UploadPage(Shell shell, List<Reference> references, long maxUploadBytes) {

  /**
   * @param value the path or run id sent as {@code reference}
   * @param label what the list shows
   */
  public record Reference(String value, String label) {}

  /** The frame of the page, as the other pages build it. */
  public static Shell shell(String root, boolean allowWrite) {
    return new Shell("Add a run", "upload", root, allowWrite);
  }
}
