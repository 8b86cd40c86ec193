package dev.mtbsync.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads JSON artefacts back, failing with one line that names the file: readers report a torn or
 * foreign file and carry on, they never crash on one.
 */
public final class ArtefactJson {

  /**
   * Binds artefacts to their records as readers have always read them: a field the record does not
   * know is skipped (newer files), and a field of the wrong type ("p90": "x", an object where a
   * number belongs) reads as null rather than failing the whole file (a hand-edited or foreign file
   * still shows what it can). Numbers are not taken from strings.
   */
  private static final ObjectMapper TOLERANT = tolerant();

  private ArtefactJson() {}

  /**
   * Reads a JSON artefact into its record.
   *
   * @throws NoSuchFileException when the file is missing
   * @throws IOException "FILE: not a JSON file (...)" when it does not parse, "FILE: not a JSON
   *     object" when its top level is not an object
   */
  public static <T> T read(Path file, Class<T> type) throws IOException {
    return bind(file, readObject(file), type);
  }

  /**
   * Binds an already-read object to its record, as {@link #read}.
   *
   * @param file the file it came from, for the message
   */
  public static <T> T bind(Path file, JsonNode object, Class<T> type) throws IOException {
    try {
      return TOLERANT.treeToValue(object, type);
    } catch (IOException | IllegalArgumentException e) {
      throw new IOException(file + ": unreadable fields (" + e.getMessage() + ")", e);
    }
  }

  private static ObjectMapper tolerant() {
    ObjectMapper m =
        Json.MAPPER
            .copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addHandler(new MistypedAsNull());
    m.coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.AsNull)
        .setCoercion(CoercionInputShape.Float, CoercionAction.AsNull);
    m.coercionConfigFor(LogicalType.Float)
        .setCoercion(CoercionInputShape.String, CoercionAction.AsNull);
    m.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.AsNull)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.AsNull);
    m.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.AsNull)
        .setCoercion(CoercionInputShape.Float, CoercionAction.AsNull)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.AsNull);
    return m;
  }

  /** A value of the wrong shape for its field is skipped and the field left null. */
  private static final class MistypedAsNull extends DeserializationProblemHandler {
    @Override
    public Object handleUnexpectedToken(
        DeserializationContext ctxt, JavaType target, JsonToken t, JsonParser p, String msg)
        throws IOException {
      if (target.isPrimitive()) {
        return NOT_HANDLED;
      }
      p.skipChildren();
      return null;
    }
  }

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
