package dev.mtbsync.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads JSON artefacts back, failing with one line that names the file: readers report a torn or
 * foreign file and carry on, they never crash on one.
 */
public final class ArtefactJson {

  private ArtefactJson() {}

  /**
   * @throws NoSuchFileException when the file is missing
   * @throws IOException "FILE: not a JSON file (parser's first line)" when it does not parse
   */
  public static JsonNode readTree(Path file) throws IOException {
    InputPaths.file(file);
    try {
      JsonNode root = Json.MAPPER.readTree(file.toFile());
      if (root == null || root.isMissingNode()) {
        throw new IOException("empty");
      }
      return root;
    } catch (IOException e) {
      throw new IOException(file + ": not a JSON file (" + Json.problem(e) + ")", e);
    }
  }

  /** As {@link #readTree}, and the top level must be an object. */
  public static JsonNode readObject(Path file) throws IOException {
    JsonNode root = readTree(file);
    if (!root.isObject()) {
      throw new IOException(file + ": not a JSON object");
    }
    return root;
  }
}
