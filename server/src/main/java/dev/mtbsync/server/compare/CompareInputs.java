package dev.mtbsync.server.compare;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The files of a {@code compare-ui} session named on the command line.
 *
 * @param refVideo the reference video
 * @param newVideo the new run's video
 * @param timewarp the timewarp.json mapping new time to reference time
 * @param refMarkers reference markers ({@code name,t_ref,...}), or null
 * @param newMarkers markers on the new run ({@code name,t_new,...}), or null
 */
public record CompareInputs(
    Path refVideo, Path newVideo, Path timewarp, Path refMarkers, Path newMarkers) {

  /**
   * @throws NoSuchFileException naming the first file that is not there
   */
  public CompareInputs validate() throws NoSuchFileException {
    for (Path p : new Path[] {refVideo, newVideo, timewarp, refMarkers, newMarkers}) {
      if (p != null && !Files.isRegularFile(p)) {
        throw new NoSuchFileException(p.toString());
      }
    }
    if (refVideo == null || newVideo == null || timewarp == null) {
      throw new IllegalArgumentException(
          "compare needs --ref, --new and --timewarp-json, or --root to pick a run");
    }
    return this;
  }

  /** The folder annotations are saved in: the timewarp's, which is the run folder. */
  public Path folder() {
    return timewarp.toAbsolutePath().getParent();
  }
}
