package dev.mtbsync.runs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
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
import java.util.List;
import java.util.Locale;

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
}
