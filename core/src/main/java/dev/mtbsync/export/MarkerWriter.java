package dev.mtbsync.export;

import java.io.IOException;
import java.io.OutputStream;

/** Writes placed markers in one editor format. */
interface MarkerWriter {

  /** Writes the whole file to {@code out} (UTF-8 where the format has text). */
  void write(ExportJob job, OutputStream out) throws IOException;

  /** How many markers the format can hold; the rest are reported, not written. */
  default int capacity() {
    return Integer.MAX_VALUE;
  }

  /**
   * True for formats whose readers keep one marker per frame (EDLs: a second record at one time
   * overlaps the first; Resolve and Media Composer keep one marker per frame): markers that share a
   * frame are joined and reported.
   */
  default boolean onePerFrame() {
    return false;
  }

  /** True when the file carries the clip's own timecode of each marker, not only the timeline's. */
  default boolean writesSourceTimecode() {
    return false;
  }

  /** True when the format has markers with a duration (ranges). */
  default boolean hasRanges() {
    return true;
  }
}
