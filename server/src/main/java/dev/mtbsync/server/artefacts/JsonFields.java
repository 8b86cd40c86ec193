package dev.mtbsync.server.artefacts;

import com.fasterxml.jackson.databind.JsonNode;

/** Tolerant field access on artefact JSON: a missing or mistyped field reads as null. */
final class JsonFields {

  private JsonFields() {}

  static Double number(JsonNode n) {
    return n != null && n.isNumber() && Double.isFinite(n.asDouble()) ? n.asDouble() : null;
  }

  static String text(JsonNode n) {
    return n != null && n.isTextual() ? n.asText() : null;
  }

  static Boolean bool(JsonNode n) {
    return n != null && n.isBoolean() ? n.asBoolean() : null;
  }

  static Integer integer(JsonNode n) {
    return n != null && n.isIntegralNumber() ? n.asInt() : null;
  }
}
