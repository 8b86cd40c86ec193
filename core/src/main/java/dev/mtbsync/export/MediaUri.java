package dev.mtbsync.export;

/** The new video as the XML formats reference it. */
final class MediaUri {

  private MediaUri() {}

  /**
   * xmeml's form of the video's {@code file:} URI: {@code file://localhost/...}, as Final Cut Pro 7
   * and Premiere Pro write it. Only for a known video: without one, the writers reference no media
   * at all rather than a name that is no file.
   */
  static String localhost(ExportJob job) {
    String uri = job.mediaUri();
    return uri.startsWith("file:///")
        ? "file://localhost/" + uri.substring("file:///".length())
        : uri;
  }
}
