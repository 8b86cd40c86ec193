package dev.mtbsync.export;

import java.net.URI;
import java.net.URISyntaxException;

/** The new video as the XML formats reference it. */
final class MediaUri {

  private MediaUri() {}

  /**
   * The video's {@code file:} URI (ASCII, percent-encoded); without a known video, the clip's name
   * as a relative reference, which the editor asks the user to relink.
   */
  static String of(ExportJob job) {
    if (job.mediaUri() != null) {
      return job.mediaUri();
    }
    try {
      return new URI(null, null, job.clipName(), null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "clip name '" + job.clipName() + "' cannot be a file name");
    }
  }

  /**
   * xmeml's form of a {@code file:} URI: {@code file://localhost/...}, as Final Cut Pro 7 and
   * Premiere Pro write it.
   */
  static String localhost(ExportJob job) {
    String uri = of(job);
    return uri.startsWith("file:///")
        ? "file://localhost/" + uri.substring("file:///".length())
        : uri;
  }
}
