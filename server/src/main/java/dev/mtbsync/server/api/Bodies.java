package dev.mtbsync.server.api;

import dev.mtbsync.server.json.ApiJson;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;

/** Request bodies: small JSON objects, or a 400 saying what is wrong. */
final class Bodies {

  static final int MAX_BYTES = 64 * 1024;

  private Bodies() {}

  static Map<?, ?> object(Context ctx) {
    String body = ctx.body();
    if (body.length() > MAX_BYTES) {
      throw new IllegalArgumentException("request body over " + MAX_BYTES + " bytes");
    }
    try {
      Object v = ApiJson.MAPPER.readValue(body.isBlank() ? "{}" : body, Object.class);
      if (v instanceof Map<?, ?> m) {
        return m;
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("request body is not JSON");
    }
    throw new IllegalArgumentException("request body must be a JSON object");
  }
}
