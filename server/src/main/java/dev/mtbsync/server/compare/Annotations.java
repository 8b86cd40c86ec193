package dev.mtbsync.server.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mtbsync.io.ArtefactJson;
import dev.mtbsync.io.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code annotations.json} (schema_version 1): one {@link Annotation} per marker, replaced
 * atomically on each save. Saves to one file are serialised within the server.
 */
public final class Annotations {

  public static final int SCHEMA_VERSION = 1;

  /** Quotes a field only when it must, as MarkerCsv does. */
  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  static final int MAX_TEXT = 2000;

  private Annotations() {}

  /** The annotations of a file; none when it is missing. */
  public static List<Annotation> read(Path file) throws IOException {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    JsonNode list = ArtefactJson.readObject(file).path("annotations");
    List<Annotation> out = new ArrayList<>();
    for (JsonNode a : list) {
      if (a.path("marker").isTextual()) {
        out.add(
            new Annotation(
                a.path("marker").asText(),
                a.path("t_new").isNumber() ? a.path("t_new").asDouble() : null,
                a.path("label").asText(""),
                a.path("note").asText(""),
                a.path("updated").asText("")));
      }
    }
    return out;
  }

  /**
   * Sets the annotation of {@code a.marker()}; an empty label and note remove it.
   *
   * @return the annotations after the save
   */
  public static synchronized List<Annotation> save(Path file, Annotation a) throws IOException {
    if (a.marker() == null || a.marker().isBlank()) {
      throw new IllegalArgumentException("an annotation needs the marker's name");
    }
    if (length(a.note()) > MAX_TEXT || length(a.label()) > MAX_TEXT) {
      throw new IllegalArgumentException(
          "label and note are limited to " + MAX_TEXT + " characters");
    }
    Map<String, Annotation> byMarker = new LinkedHashMap<>();
    for (Annotation old : read(file)) {
      byMarker.put(old.marker(), old);
    }
    if (length(a.label()) == 0 && length(a.note()) == 0) {
      byMarker.remove(a.marker());
    } else {
      byMarker.put(
          a.marker(),
          new Annotation(
              a.marker(),
              a.tNew(),
              a.label() == null ? "" : a.label().strip(),
              a.note() == null ? "" : a.note().strip(),
              Instant.now().toString()));
    }
    List<Annotation> all = List.copyOf(byMarker.values());
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schema_version", SCHEMA_VERSION);
    doc.put("annotations", all);
    Json.write(file, doc);
    return all;
  }

  /** {@code marker,t_new,label,note,updated}, quoted where needed. */
  public static String csv(List<Annotation> list) throws IOException {
    CsvSchema schema =
        CsvSchema.builder()
            .addColumn("marker")
            .addColumn("t_new")
            .addColumn("label")
            .addColumn("note")
            .addColumn("updated")
            .build()
            .withHeader();
    StringWriter out = new StringWriter();
    try (SequenceWriter w = CSV.writer(schema).writeValues(out)) {
      for (Annotation a : list) {
        w.write(
            new Object[] {
              cell(a.marker()),
              a.tNew() == null ? "" : a.tNew(),
              cell(a.label()),
              cell(a.note()),
              a.updated()
            });
      }
    }
    return out.toString();
  }

  /**
   * A text cell a spreadsheet will not run: text starting with {@code = + - @} gets a leading
   * apostrophe (spreadsheets read such cells as formulas).
   */
  static String cell(String s) {
    return s != null && !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
  }

  private static int length(String s) {
    return s == null ? 0 : s.strip().length();
  }
}
