package dev.mtbsync.runs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mtbsync.gps.DeltaTime;
import dev.mtbsync.gps.Splits;
import dev.mtbsync.io.AtomicFiles;
import dev.mtbsync.io.InputPaths;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code splits.csv}, one row per timing gate (reference marker) in trail order, and {@code
 * delta.csv}, the time gained or lost along the whole trail every half second of the reference.
 * Times in seconds, distances in metres, empty where unknown; a delta above zero is time lost.
 */
public final class SplitsCsv {

  public static final String SPLITS = "splits.csv";
  public static final String DELTA = "delta.csv";

  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  /** The columns of splits.csv, in the order written; readers require each of them. */
  public static final List<String> SPLITS_COLUMNS =
      List.of(
          "gate",
          "name",
          "t_ref",
          "t_new",
          "distance_m",
          "ref_sector_sec",
          "new_sector_sec",
          "sector_delta_sec",
          "ref_elapsed_sec",
          "new_elapsed_sec",
          "delta_sec",
          "confidence");

  private static final CsvSchema SPLITS_SCHEMA = columns(SPLITS_COLUMNS.toArray(String[]::new));

  private static final CsvSchema DELTA_SCHEMA =
      columns("t_ref", "distance_m", "t_new", "delta_sec");

  private static final CsvMapper READER =
      CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

  /**
   * A row of splits.csv as read back, its columns ({@link #SPLITS_COLUMNS}) in order; null where
   * the file leaves a value empty.
   */
  public record Row(
      int gate,
      String name,
      Double tRef,
      Double tNew,
      Double distanceM,
      Double refSectorSec,
      Double newSectorSec,
      Double sectorDeltaSec,
      Double refElapsedSec,
      Double newElapsedSec,
      Double deltaSec,
      Double confidence) {}

  private SplitsCsv() {}

  public static void writeSplits(Path file, List<Splits.Gate> gates) throws IOException {
    List<Object[]> rows = new ArrayList<>();
    for (Splits.Gate g : gates) {
      rows.add(
          new Object[] {
            g.gate(),
            g.name(),
            num(g.tRef(), 3),
            num(g.tNew(), 3),
            num(g.distanceM(), 1),
            num(g.refSectorSec(), 3),
            num(g.newSectorSec(), 3),
            signed(g.sectorDeltaSec()),
            num(g.refElapsedSec(), 3),
            num(g.newElapsedSec(), 3),
            signed(g.deltaSec()),
            num(g.confidence(), 3)
          });
    }
    write(file, SPLITS_SCHEMA, rows);
  }

  public static void writeDelta(Path file, List<DeltaTime.Point> points) throws IOException {
    List<Object[]> rows = new ArrayList<>();
    for (DeltaTime.Point p : points) {
      rows.add(
          new Object[] {
            num(p.tRef(), 3), num(p.distanceM(), 1), num(p.tNew(), 3), signed(p.deltaSec())
          });
    }
    write(file, DELTA_SCHEMA, rows);
  }

  /**
   * Reads {@code delta.csv} back (for charts).
   *
   * @throws IOException naming the file and line when it is not a delta curve
   */
  public static List<DeltaTime.Point> readDelta(Path file) throws IOException {
    InputPaths.textFile(file);
    List<String> lines = Files.readAllLines(file);
    if (lines.isEmpty() || !lines.get(0).strip().equals(String.join(",", names(DELTA_SCHEMA)))) {
      throw new IOException(
          file + ":1: not a delta curve (expected t_ref,distance_m,t_new,delta_sec)");
    }
    List<DeltaTime.Point> out = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split(",", -1);
      try {
        out.add(
            new DeltaTime.Point(
                Double.parseDouble(f[0]),
                f[1].isEmpty() ? Double.NaN : Double.parseDouble(f[1]),
                Double.parseDouble(f[2]),
                Double.parseDouble(f[3])));
      } catch (RuntimeException e) {
        throw new IOException(file + ":" + (i + 1) + ": not a row of numbers: '" + line + "'");
      }
    }
    return out;
  }

  private static void write(Path file, CsvSchema schema, List<Object[]> rows) throws IOException {
    AtomicFiles.write(
        file,
        temp -> {
          try (Writer out = Files.newBufferedWriter(temp);
              SequenceWriter w =
                  CSV.writer(schema)
                      .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                      .writeValues(out)) {
            for (Object[] row : rows) {
              w.write(row);
            }
          }
        });
  }

  private static CsvSchema columns(String... names) {
    CsvSchema.Builder b = CsvSchema.builder();
    for (String n : names) {
      b.addColumn(n);
    }
    return b.build().withHeader();
  }

  private static List<String> names(CsvSchema schema) {
    List<String> out = new ArrayList<>();
    schema.forEach(c -> out.add(c.getName()));
    return out;
  }

  private static String num(double v, int decimals) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "";
  }

  /** A signed number of seconds (+0.420, -1.250): the sign is the point of a delta. */
  private static String signed(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.3f", v) : "";
  }

  /**
   * Reads {@code splits.csv} by its header's names (so columns may be reordered or added).
   *
   * @throws IOException naming the line when the file is not a splits table
   */
  public static List<Row> readSplits(Path file) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (MappingIterator<String[]> it =
        READER.readerFor(String[].class).readValues(file.toFile())) {
      while (it.hasNextValue()) {
        rows.add(it.nextValue());
      }
    }
    if (rows.isEmpty()) {
      throw new IOException("empty (expected the header " + String.join(",", SPLITS_COLUMNS) + ")");
    }
    Map<String, Integer> at = new HashMap<>();
    String[] header = rows.get(0);
    for (int i = 0; i < header.length; i++) {
      at.put(header[i].strip(), i);
    }
    List<String> absent = SPLITS_COLUMNS.stream().filter(c -> !at.containsKey(c)).toList();
    if (!absent.isEmpty()) {
      throw new IOException("line 1: not a splits table (no " + String.join(", ", absent) + ")");
    }
    List<Row> out = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      String[] f = rows.get(r);
      if (f.length == 0 || (f.length == 1 && f[0].isBlank())) {
        continue;
      }
      Cells row = new Cells(f, at, r + 1);
      Integer gate = row.integer("gate");
      if (gate == null) {
        throw new IOException("line " + (r + 1) + ": gate is empty");
      }
      out.add(
          new Row(
              gate,
              row.text("name"),
              row.number("t_ref"),
              row.number("t_new"),
              row.number("distance_m"),
              row.number("ref_sector_sec"),
              row.number("new_sector_sec"),
              row.number("sector_delta_sec"),
              row.number("ref_elapsed_sec"),
              row.number("new_elapsed_sec"),
              row.number("delta_sec"),
              row.number("confidence")));
    }
    return out;
  }

  /** One line of splits.csv, its cells by column name. */
  private record Cells(String[] cells, Map<String, Integer> at, int line) {

    String text(String column) {
      int i = at.get(column);
      return i < cells.length ? cells[i].strip() : "";
    }

    Double number(String column) throws IOException {
      String s = text(column);
      if (s.isEmpty()) {
        return null;
      }
      try {
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) {
          throw new NumberFormatException();
        }
        return v;
      } catch (NumberFormatException e) {
        throw new IOException("line " + line + ": " + column + " '" + s + "' is not a number");
      }
    }

    Integer integer(String column) throws IOException {
      Double v = number(column);
      if (v != null && v != Math.rint(v)) {
        throw new IOException(
            "line " + line + ": " + column + " '" + text(column) + "' is not whole");
      }
      return v == null ? null : v.intValue();
    }
  }
}
