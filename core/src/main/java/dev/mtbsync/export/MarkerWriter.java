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
}
