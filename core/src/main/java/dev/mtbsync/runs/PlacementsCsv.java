package dev.mtbsync.runs;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mtbsync.io.AtomicFiles;
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
 * {@code placements.csv} ({@code name,t_ref,t_new,error_sec}): the markers the sync placed on the
 * new run's own frames ({@link dev.mtbsync.match.MomentRefiner}), with the placement's standard
 * error (s). A refit through pins ({@link RunRefit}) keeps these placements instead of reading the
 * markers off its new warp, without decoding the videos again.
 */
public final class PlacementsCsv {

  public static final String FILE = "placements.csv";

  /** One marker placed on the frames. */
  public record Placement(String name, double tRef, double tNew, double errorSec) {}

  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  private static final CsvSchema SCHEMA =
      CsvSchema.builder()
          .addColumn("name")
          .addColumn("t_ref")
          .addColumn("t_new")
          .addColumn("error_sec")
          .build()
          .withHeader();

  private PlacementsCsv() {}

  /** Writes the placements atomically, in the order given. */
  public static void write(Path file, List<Placement> placements) throws IOException {
    AtomicFiles.write(
        file,
        temp -> {
          try (Writer w = Files.newBufferedWriter(temp);
              SequenceWriter seq = CSV.writer(SCHEMA).writeValues(w)) {
            for (Placement p : placements) {
              Map<String, String> row = new LinkedHashMap<>();
              row.put("name", p.name());
              row.put("t_ref", String.format(Locale.ROOT, "%.6f", p.tRef()));
              row.put("t_new", String.format(Locale.ROOT, "%.6f", p.tNew()));
              row.put("error_sec", String.format(Locale.ROOT, "%.6f", p.errorSec()));
              seq.write(row);
            }
          }
        });
  }

  /**
   * Reads placements; an absent file is none (a run synced before placements were kept).
   *
   * @throws IOException naming the file and line when a row is not a placement
   */
  public static List<Placement> read(Path file) throws IOException {
    List<Placement> out = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    try (var it =
        CSV.readerFor(Map.class)
            .with(CsvSchema.emptySchema().withHeader())
            .<Map<String, String>>readValues(file.toFile())) {
      int line = 1;
      while (it.hasNext()) {
        Map<String, String> row = it.next();
        line++;
        try {
          Placement p =
              new Placement(
                  row.getOrDefault("name", ""),
                  Double.parseDouble(row.getOrDefault("t_ref", "").trim()),
                  Double.parseDouble(row.getOrDefault("t_new", "").trim()),
                  Double.parseDouble(row.getOrDefault("error_sec", "").trim()));
          if (!(p.tNew() >= 0) || !(p.errorSec() >= 0) || !Double.isFinite(p.tRef())) {
            throw new NumberFormatException("not a time");
          }
          out.add(p);
        } catch (NumberFormatException e) {
          throw new IOException(
              file + ":" + line + ": expected name,t_ref,t_new,error_sec, got " + row.values());
        }
      }
    } catch (RuntimeException e) {
      throw new IOException(file + ": not a CSV file (" + e.getMessage() + ")");
    }
    return out;
  }
}
