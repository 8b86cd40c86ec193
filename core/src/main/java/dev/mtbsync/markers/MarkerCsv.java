package dev.mtbsync.markers;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mtbsync.io.AtomicFiles;
import dev.mtbsync.io.InputPaths;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes marker CSV files: reference markers ({@code name,t_ref,colour,comment}) and
 * transferred ones ({@code
 * name,t_ref,t_new,t_new_lo,t_new_hi,confidence,needs_review,colour,comment}).
 */
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
          .addColumn("t_new_lo")
          .addColumn("t_new_hi")
          .addColumn("confidence")
          .addColumn("needs_review")
          .addColumn("colour")
          .addColumn("comment")
          .build()
          .withHeader();

  private MarkerCsv() {}

  /** Turns one row (column name to text) into a marker, or names what is wrong with it. */
  @FunctionalInterface
  private interface RowReader<T> {
    T read(java.util.Map<String, String> row, int line, int index) throws MarkerFormatException;
  }

  /**
   * Reads reference markers: a header with at least {@code name} and {@code t_ref} ({@code colour},
   * {@code comment} optional, any order), times in seconds.
   *
   * @throws MarkerFormatException naming the file, line and problem
   */
  public static List<RefMarker> readReference(Path file) throws IOException {
    return readRows(
        file,
        new String[] {"name", "t_ref"},
        (row, line, index) -> {
          String name = row.getOrDefault("name", "").trim();
          return new RefMarker(
              name.isEmpty() ? "Marker " + (index + 1) : name,
              time(file, line, row, "t_ref"),
              row.getOrDefault("colour", "").trim(),
              row.getOrDefault("comment", ""));
        });
  }

  /**
   * Reads transferred markers (what {@link #writeNew} writes): a header with at least {@code name}
   * and {@code t_new}; an empty {@code t_new} is a marker the new run does not cover (NaN). The
   * other columns are optional: {@code t_ref} (NaN), {@code confidence} (1), {@code needs_review}
   * (false), {@code colour}, {@code comment}.
   *
   * @throws MarkerFormatException naming the file, line and problem
   */
  public static List<NewMarker> readNew(Path file) throws IOException {
    return readRows(
        file,
        new String[] {"name", "t_new"},
        (row, line, index) -> {
          String name = row.getOrDefault("name", "").trim();
          boolean covered = !row.getOrDefault("t_new", "").isBlank();
          String review = row.getOrDefault("needs_review", "").trim().toLowerCase(Locale.ROOT);
          if (!review.matches("|true|false|1|0|yes|no")) {
            throw new MarkerFormatException(
                file, line, "needs_review '" + review + "' is not true or false");
          }
          String conf = row.getOrDefault("confidence", "").trim();
          double confidence = conf.isEmpty() ? 1 : number(file, line, "confidence", conf);
          if (!(confidence >= 0 && confidence <= 1)) {
            throw new MarkerFormatException(file, line, "confidence " + conf + " must be 0 to 1");
          }
          return new NewMarker(
              name.isEmpty() ? "Marker " + (index + 1) : name,
              row.getOrDefault("t_ref", "").isBlank() ? Double.NaN : time(file, line, row, "t_ref"),
              covered ? time(file, line, row, "t_new") : Double.NaN,
              optionalTime(file, line, row, "t_new_lo"),
              optionalTime(file, line, row, "t_new_hi"),
              confidence,
              review.equals("true") || review.equals("1") || review.equals("yes"),
              row.getOrDefault("colour", "").trim(),
              row.getOrDefault("comment", ""));
        });
  }

  /** An optional time column: NaN when absent or empty. */
  private static double optionalTime(
      Path file, int line, java.util.Map<String, String> row, String column)
      throws MarkerFormatException {
    return row.getOrDefault(column, "").isBlank() ? Double.NaN : time(file, line, row, column);
  }

  private static <T> List<T> readRows(Path file, String[] required, RowReader<T> reader)
      throws IOException {
    InputPaths.textFile(file);
    if (Files.size(file) == 0) {
      throw new MarkerFormatException(
          file, 0, "empty file (expected a header with " + String.join(",", required) + ")");
    }
    List<T> out = new java.util.ArrayList<>();
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
          for (String need : required) {
            if (!columns.contains(need)) {
              throw new MarkerFormatException(
                  file,
                  1,
                  "missing column '" + need + "' (found " + String.join(",", columns) + ")");
            }
          }
        }
        out.add(reader.read(row, line, out.size()));
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new MarkerFormatException(
          file,
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "not a CSV file (its quoting or columns break off here)");
    }
    if (out.isEmpty()) {
      throw new MarkerFormatException(file, 1, "no markers (a header and at least one row needed)");
    }
    return out;
  }

  /** A time column: a number of seconds, finite and not negative. */
  private static double time(Path file, int line, java.util.Map<String, String> row, String column)
      throws MarkerFormatException {
    String t = row.getOrDefault(column, "").trim();
    double v = number(file, line, column, t);
    if (!Double.isFinite(v) || v < 0) {
      throw new MarkerFormatException(file, line, column + " " + t + " must be a time >= 0 s");
    }
    return v;
  }

  private static double number(Path file, int line, String column, String text)
      throws MarkerFormatException {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new MarkerFormatException(
          file,
          line,
          column
              + " '"
              + text
              + "' is not a number"
              + (column.startsWith("t_") ? " of seconds" : ""));
    }
  }

  /**
   * Writes transferred markers atomically ({@code
   * name,t_ref,t_new,t_new_lo,t_new_hi,confidence,needs_review,colour,comment}).
   */
  public static void writeNew(List<NewMarker> markers, Path file) throws IOException {
    writeRows(file, NEW_SCHEMA, markers.stream().map(MarkerCsv::newRow).toList());
  }

  /**
   * A CSV writer of transferred-marker rows: the header of {@link #writeNew}'s columns followed by
   * {@code extraColumns}; each row is {@link #newRow} followed by the extra values. Fields are
   * quoted only when they must be.
   */
  public static SequenceWriter newWriter(Writer out, String... extraColumns) throws IOException {
    CsvSchema.Builder columns = NEW_SCHEMA.rebuild();
    for (String c : extraColumns) {
      columns.addColumn(c);
    }
    return CSV.writer(columns.build().withHeader()).writeValues(out);
  }

  /**
   * One transferred marker's fields as {@link #writeNew} writes them: times in seconds (t_ref to
   * the millisecond, t_new to a tenth of one, empty when NaN).
   */
  public static Object[] newRow(NewMarker m) {
    return new Object[] {
      m.name(),
      Double.isNaN(m.tRef()) ? "" : seconds(m.tRef(), 3),
      Double.isNaN(m.tNew()) ? "" : seconds(m.tNew(), 4),
      Double.isNaN(m.tNewLo()) ? "" : seconds(m.tNewLo(), 4),
      Double.isNaN(m.tNewHi()) ? "" : seconds(m.tNewHi(), 4),
      seconds(m.confidence(), 3),
      m.needsReview(),
      m.colour(),
      m.comment()
    };
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
