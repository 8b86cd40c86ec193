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

  private MarkerCsv() {}

  /** Writes reference markers atomically; times keep millisecond precision. */
  public static void writeReference(List<RefMarker> markers, Path file) throws IOException {
    AtomicFiles.write(
        file,
        temp -> {
          try (Writer out = Files.newBufferedWriter(temp);
              SequenceWriter rows = CSV.writer(REF_SCHEMA).writeValues(out)) {
            for (RefMarker m : markers) {
              rows.write(
                  new Object[] {
                    m.name(), String.format(java.util.Locale.ROOT, "%.3f", m.tRef()),
                    m.colour(), m.comment()
                  });
            }
          }
        });
  }
}
