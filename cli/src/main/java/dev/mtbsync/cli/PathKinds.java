package dev.mtbsync.cli;

import dev.mtbsync.io.InputPaths;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;

/**
 * What each path option takes, checked once as the command line is read, through the engine's one
 * path check ({@link InputPaths}): a folder, a device or a file where a folder belongs is named for
 * what it is before any work starts. {@link Main} shows the failure as the check's own line.
 */
final class PathKinds {

  private PathKinds() {}

  /** A file to read. */
  static final class InputFile implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) throws Exception {
      return InputPaths.file(Path.of(value));
    }
  }

  /** A folder to read. */
  static final class InputFolder implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) throws Exception {
      return InputPaths.folder(Path.of(value));
    }
  }

  /** A file to write (its folders are created as needed). */
  static final class OutputFile implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) throws Exception {
      return InputPaths.outputFile(Path.of(value));
    }
  }

  /** A folder to write into, or one that may be missing (created, or its absence reported). */
  static final class OutputFolder implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) throws Exception {
      return InputPaths.outputFolder(Path.of(value));
    }
  }
}
