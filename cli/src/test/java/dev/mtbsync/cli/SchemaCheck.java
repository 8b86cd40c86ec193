package dev.mtbsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a JSON document against a JSON Schema, for the keywords docs/ci's schemas use: type,
 * const, enum, minimum, required, properties, additionalProperties (false), items and local $ref.
 * Any other keyword fails the check, so that the schema cannot say more than is checked.
 */
final class SchemaCheck {

  private static final Set<String> NOTES =
      Set.of("$schema", "$id", "title", "description", "$defs");

  private final JsonNode schemaRoot;
  private final List<String> errors = new ArrayList<>();

  private SchemaCheck(JsonNode schemaRoot) {
    this.schemaRoot = schemaRoot;
  }

  /** Every place where {@code doc} breaks {@code schema}, one line each; empty when it conforms. */
  static List<String> errors(JsonNode schema, JsonNode doc) {
    SchemaCheck c = new SchemaCheck(schema);
    c.check(schema, doc, "$");
    return c.errors;
  }

  private void check(JsonNode s, JsonNode v, String at) {
    for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode k = e.getValue();
      switch (e.getKey()) {
        case "$ref" -> check(resolve(k.asText()), v, at);
        case "type" -> {
          boolean any = false;
          for (JsonNode t : k.isArray() ? k : List.of(k)) {
            any |= is(t.asText(), v);
          }
          if (!any) {
            errors.add(at + ": " + v.getNodeType() + " is not " + k);
          }
        }
        case "const" -> expect(k.equals(v), at, v + " is not " + k);
        case "enum" -> {
          boolean found = false;
          for (JsonNode option : k) {
            found |=
                option.equals(v)
                    || option.isNumber() && v.isNumber() && option.asDouble() == v.asDouble();
          }
          expect(found, at, v + " is not one of " + k);
        }
        case "minimum" -> expect(!v.isNumber() || v.asDouble() >= k.asDouble(), at, v + " < " + k);
        case "required" -> {
          if (v.isObject()) {
            k.forEach(f -> expect(v.has(f.asText()), at, "missing " + f.asText()));
          }
        }
        case "properties" -> {
          if (v.isObject()) {
            k.fields()
                .forEachRemaining(
                    p -> {
                      if (v.has(p.getKey())) {
                        check(p.getValue(), v.get(p.getKey()), at + "." + p.getKey());
                      }
                    });
          }
        }
        case "additionalProperties" -> {
          if (v.isObject() && k.isBoolean() && !k.asBoolean()) {
            v.fieldNames()
                .forEachRemaining(
                    f -> expect(s.path("properties").has(f), at, "unexpected field " + f));
          }
        }
        case "items" -> {
          if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
              check(k, v.get(i), at + "[" + i + "]");
            }
          }
        }
        default -> {
          if (!NOTES.contains(e.getKey())) {
            throw new IllegalArgumentException("schema keyword not checked: " + e.getKey());
          }
        }
      }
    }
  }

  private JsonNode resolve(String ref) {
    if (!ref.startsWith("#/")) {
      throw new IllegalArgumentException("only local $ref is checked: " + ref);
    }
    return schemaRoot.at(ref.substring(1));
  }

  private static boolean is(String type, JsonNode v) {
    return switch (type) {
      case "object" -> v.isObject();
      case "array" -> v.isArray();
      case "string" -> v.isTextual();
      case "integer" -> v.isIntegralNumber();
      case "number" -> v.isNumber();
      case "boolean" -> v.isBoolean();
      case "null" -> v.isNull();
      default -> throw new IllegalArgumentException("unknown type " + type);
    };
  }

  private void expect(boolean ok, String at, String problem) {
    if (!ok) {
      errors.add(at + ": " + problem);
    }
  }
}
