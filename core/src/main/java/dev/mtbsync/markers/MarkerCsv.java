package dev.mtbsync.markers;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mtbsync.runs.AtomicFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads and writes marker CSV files ({@code name,t_ref,colour,comment}). */
public final class MarkerCsv {

  /** Quotes a field only when it must (comma, quote, newline), as spreadsheets write CSV. */
  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  private static final CsvSchema REF_SCHEMA =
      CsvSchema.builder()
          .addColumn("name")
          .addColumn("t_ref")
          .addColumn("colour")
          .addColumn("comment")
          .build()
          .withHeader();

  private static final CsvSchema NEW_SCHEMA =
      CsvSchema.builder()
          .addColumn("name")
          .addColumn("t_ref")
          .addColumn("t_new")
          .addColumn("confidence")
          .addColumn("needs_review")
          .addColumn("colour")
          .addColumn("comment")
          .build()
          .withHeader();

  private MarkerCsv() {}

  /**
   * Reads reference markers: a header with at least {@code name} and {@code t_ref} ({@code colour},
   * {@code comment} optional, any order), times in seconds.
   *
   * @throws MarkerFormatException naming the file, line and problem
   */
  public static List<RefMarker> readReference(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new java.nio.file.NoSuchFileException(file.toString());
    }
    List<RefMarker> out = new java.util.ArrayList<>();
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (var it =
        CSV.readerFor(java.util.Map.class)
            .with(schema)
            .<java.util.Map<String, String>>readValues(file.toFile())) {
      java.util.Set<String> columns = null;
      int line = 1;
      while (it.hasNext()) {
        java.util.Map<String, String> row;
        try {
          row = it.next();
        } catch (RuntimeException e) {
          throw new MarkerFormatException(
              file, line + 1, "unreadable row (" + e.getMessage() + ")");
        }
        line++;
        if (columns == null) {
          columns = row.keySet();
          for (String need : new String[] {"name", "t_ref"}) {
            if (!columns.contains(need)) {
              throw new MarkerFormatException(
                  file,
                  1,
                  "missing column '" + need + "' (found " + String.join(",", columns) + ")");
            }
          }
        }
        String name = row.getOrDefault("name", "").trim();
        String t = row.getOrDefault("t_ref", "").trim();
        double tRef;
        try {
          tRef = Double.parseDouble(t);
        } catch (NumberFormatException e) {
          throw new MarkerFormatException(
              file, line, "t_ref '" + t + "' is not a number of seconds");
        }
        if (!Double.isFinite(tRef) || tRef < 0) {
          throw new MarkerFormatException(file, line, "t_ref " + t + " must be a time >= 0 s");
        }
        out.add(
            new RefMarker(
                name.isEmpty() ? "Marker " + (out.size() + 1) : name,
                tRef,
                row.getOrDefault("colour", "").trim(),
                row.getOrDefault("comment", "")));
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new MarkerFormatException(
          file,
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "not a CSV file (" + e.getOriginalMessage() + ")");
    }
    if (out.isEmpty()) {
      throw new MarkerFormatException(file, 1, "no markers (a header and at least one row needed)");
    }
    return out;
  }

  /**
   * Writes transferred markers atomically ({@code
   * name,t_ref,t_new,confidence,needs_review,colour,comment}).
   */
  public static void writeNew(List<NewMarker> markers, Path file) throws IOException {
    writeRows(
        file,
        NEW_SCHEMA,
        markers.stream()
            .map(
                m ->
                    new Object[] {
                      m.name(),
                      seconds(m.tRef(), 3),
                      Double.isNaN(m.tNew()) ? "" : seconds(m.tNew(), 4),
                      seconds(m.confidence(), 3),
                      m.needsReview(),
                      m.colour(),
                      m.comment()
                    })
            .toList());
  }

  /** Writes reference markers atomically; times keep millisecond precision. */
  public static void writeReference(List<RefMarker> markers, Path file) throws IOException {
    writeRows(
        file,
        REF_SCHEMA,
        markers.stream()
            .map(m -> new Object[] {m.name(), seconds(m.tRef(), 3), m.colour(), m.comment()})
            .toList());
  }

  private static void writeRows(Path file, CsvSchema schema, List<Object[]> rows)
      throws IOException {
    AtomicFiles.write(
        file,
        temp -> {
          try (Writer out = Files.newBufferedWriter(temp);
              SequenceWriter writer = CSV.writer(schema).writeValues(out)) {
            for (Object[] row : rows) {
              writer.write(row);
            }
          }
        });
  }

  private static String seconds(double value, int decimals) {
    return String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
  }
}
