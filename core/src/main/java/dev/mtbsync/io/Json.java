package dev.mtbsync.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** The one JSON mapper for artefacts: indented, stable field order, atomic writes. */
public final class Json {

  /** snake_case field names, as the Python tool's artefacts have. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private Json() {}

  /**
   * What is wrong with a file the mapper could not parse, in a few words and without the parser's
   * internals: "cut short, it ends inside the JSON", "not valid JSON at line 3, column 12: 'NaN' is
   * not a number JSON allows".
   */
  public static String problem(IOException e) {
    if (e instanceof JsonEOFException
        || String.valueOf(e.getMessage()).contains("Unexpected end-of-input")) {
      return "cut short, it ends inside the JSON";
    }
    if (e instanceof JsonProcessingException j) {
      JsonLocation at = j.getLocation();
      String where =
          at == null || at.getLineNr() < 1
              ? ""
              : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      String m = String.valueOf(j.getOriginalMessage());
      int token = m.indexOf("Non-standard token '");
      String why =
          token >= 0
              ? ": "
                  + m.substring(token + 19, m.indexOf('\'', token + 20) + 1)
                  + " is not a number JSON allows"
              : "";
      return "not valid JSON" + where + why;
    }
    String m = String.valueOf(e.getMessage());
    return m.lines().findFirst().orElse(m);
  }

  public static void write(Path file, Object value) throws IOException {
    byte[] bytes = MAPPER.writeValueAsBytes(value);
    AtomicFiles.write(file, temp -> java.nio.file.Files.write(temp, bytes));
  }
}
