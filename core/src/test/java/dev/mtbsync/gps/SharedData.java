package dev.mtbsync.gps;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** Real recordings in ../shared/data; tests that need them are skipped, saying why, without. */
final class SharedData {

  static final Path ROOT = Path.of("../../shared/data");

  private SharedData() {}

  /** The file under ../shared/data, or a skipped test when it is absent. */
  static Path require(String relative) {
    Path p = ROOT.resolve(relative);
    assumeThat(Files.isRegularFile(p))
        .as("real recordings are in ../shared/data (" + relative + " absent here, so skipped)")
        .isTrue();
    return p;
  }
}
