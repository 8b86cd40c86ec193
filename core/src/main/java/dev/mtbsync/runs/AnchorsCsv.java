package dev.mtbsync.runs;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mtbsync.align.Anchor;
import dev.mtbsync.io.AtomicFiles;
import dev.mtbsync.io.InputPaths;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code anchors.csv} ({@code t_new,t_ref,note}): the pins of a run, times in seconds, the note
 * free text (quoted where it holds a comma, quote or newline). A header alone is no pins.
 */
public final class AnchorsCsv {

  public static final String FILE = "anchors.csv";

  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  private static final CsvSchema SCHEMA =
      CsvSchema.builder()
          .addColumn("t_new")
          .addColumn("t_ref")
          .addColumn("note")
          .build()
          .withHeader();

  private AnchorsCsv() {}

  /** Writes the pins atomically, in the order given. */
  public static void write(Path file, List<Anchor> pins) throws IOException {
    AtomicFiles.write(
        file,
        temp -> {
          try (Writer w = Files.newBufferedWriter(temp);
              SequenceWriter seq = CSV.writer(SCHEMA).writeValues(w)) {
            for (Anchor a : pins) {
              Map<String, String> row = new LinkedHashMap<>();
              row.put("t_new", String.format(Locale.ROOT, "%.6f", a.tNew()));
              row.put("t_ref", String.format(Locale.ROOT, "%.6f", a.tRef()));
              row.put("note", a.note());
              seq.write(row);
            }
          }
        });
  }

  /**
   * Reads pins: a header with {@code t_new} and {@code t_ref} ({@code note} optional, any order).
   *
   * @throws IOException naming the file and line when a row is not a pin
   */
  public static List<Anchor> read(Path file) throws IOException {
    InputPaths.textFile(file);
    List<String> header = List.of(firstLine(file).trim().split("\\s*,\\s*"));
    if (!header.contains("t_new") || !header.contains("t_ref")) {
      throw new IOException(
          file + ":1: missing column 't_new' or 't_ref' (expected t_new,t_ref,note)");
    }
    List<Anchor> out = new ArrayList<>();
    try (var it =
        CSV.readerFor(Map.class)
            .with(CsvSchema.emptySchema().withHeader())
            .<Map<String, String>>readValues(file.toFile())) {
      int line = 1;
      while (it.hasNext()) {
        Map<String, String> row = it.next();
        line++;
        try {
          double tNew = Double.parseDouble(row.getOrDefault("t_new", "").trim());
          double tRef = Double.parseDouble(row.getOrDefault("t_ref", "").trim());
          if (!(tNew >= 0) || !(tRef >= 0) || Double.isInfinite(tNew + tRef)) {
            throw new NumberFormatException("not a time");
          }
          out.add(new Anchor(tNew, tRef, row.getOrDefault("note", "")));
        } catch (NumberFormatException e) {
          throw new IOException(
              file + ":" + line + ": t_new and t_ref must be times >= 0 s, got " + row.values());
        }
      }
    } catch (RuntimeException e) {
      throw new IOException(file + ": not a CSV file (" + e.getMessage() + ")");
    }
    return out;
  }

  private static String firstLine(Path file) throws IOException {
    try (var r = Files.newBufferedReader(file)) {
      String line = r.readLine();
      if (line == null) {
        throw new IOException(file + ": empty file (expected a header t_new,t_ref,note)");
      }
      return line;
    }
  }
}
