package dev.mtbsync.server.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mtbsync.io.Json;

/**
 * The JSON the dashboard answers with: the artefacts' mapper (snake_case names, so API fields read
 * like the files they come from), compact, with times as ISO-8601 text.
 */
public final class ApiJson {

  public static final ObjectMapper MAPPER =
      Json.MAPPER
          .copy()
          .disable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private ApiJson() {}

  /**
   * JSON to embed in a page's {@code <script type="application/json">}: {@code <}, {@code >} and
   * {@code &} escaped as JSON unicode escapes, so no value can close the script element.
   */
  public static String forScript(Object value) {
    return write(value)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029");
  }

  /** One value as compact JSON text. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not serialisable: " + e.getOriginalMessage(), e);
    }
  }
}
