package dev.mtbsync.export;

import dev.mtbsync.io.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes an export's files: folders made as needed, each file complete or not at all. */
final class ExportFiles {

  /** Writes a file's bytes to a stream. */
  @FunctionalInterface
  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private ExportFiles() {}

  /** Writes {@code file} atomically, creating its folder when missing. */
  static void write(Path file, Body body) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    AtomicFiles.write(
        file,
        temp -> {
          try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
            body.writeTo(out);
          }
        });
  }
}
