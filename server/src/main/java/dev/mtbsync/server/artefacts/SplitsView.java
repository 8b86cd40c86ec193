package dev.mtbsync.server.artefacts;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.mtbsync.gps.DeltaTime;
import dev.mtbsync.gps.Splits;
import dev.mtbsync.gps.TimeGap;
import dev.mtbsync.runs.SplitsCsv;
import dev.mtbsync.server.files.RootPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's time gained and lost against the reference as the delta card and {@code /api/splits} show
 * it: {@code delta.csv} (the curve along the trail) and {@code splits.csv} (the markers as timing
 * gates). Either may be missing (a sync without a warp, or without markers); a file that cannot be
 * read, or a link that leads out of the root, is a warning and reads as empty.
 *
 * @param runId the run
 * @param deltaPresent delta.csv exists
 * @param deltaRead delta.csv exists and could be read (a warning says why not)
 * @param splitsPresent splits.csv exists
 * @param delta the curve in trail order
 * @param splits the gates in trail order
 * @param warnings one line per file that could not be read
 */
public record SplitsView(
    String runId,
    boolean deltaPresent,
    boolean deltaRead,
    boolean splitsPresent,
    List<DeltaPoint> delta,
    List<Split> splits,
    List<String> warnings) {

  /**
   * A point of the curve (delta.csv's columns); {@code distanceM} null without GPS.
   *
   * @param deltaSec new minus reference since the start: above zero the new run is behind
   */
  public record DeltaPoint(double tRef, Double distanceM, double tNew, double deltaSec) {}

  /** A gate (splits.csv's columns); null where the file leaves a value empty. */
  public record Split(
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

  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

  public static SplitsView read(RootPath root, Path runDir) {
    List<String> warnings = new ArrayList<>();
    Path deltaFile = runDir.resolve(SplitsCsv.DELTA);
    Path splitsFile = runDir.resolve(SplitsCsv.SPLITS);
    boolean deltaPresent = Files.exists(deltaFile, LinkOption.NOFOLLOW_LINKS);
    boolean splitsPresent = Files.exists(splitsFile, LinkOption.NOFOLLOW_LINKS);
    List<DeltaPoint> delta = List.of();
    boolean deltaRead = false;
    if (deltaPresent) {
      try {
        delta =
            SplitsCsv.readDelta(root.existingFile(root.relative(deltaFile))).stream()
                .map(
                    p ->
                        new DeltaPoint(
                            p.tRef(),
                            Double.isFinite(p.distanceM()) ? p.distanceM() : null,
                            p.tNew(),
                            p.deltaSec()))
                .toList();
        deltaRead = true;
      } catch (IOException | RuntimeException e) {
        warnings.add(root.relative(deltaFile) + ": " + Problems.oneLine(e, deltaFile));
      }
    }
    List<Split> splits = List.of();
    if (splitsPresent) {
      try {
        splits = readSplits(root.existingFile(root.relative(splitsFile)));
      } catch (IOException | RuntimeException e) {
        warnings.add(root.relative(splitsFile) + ": " + Problems.oneLine(e, splitsFile));
      }
    }
    return new SplitsView(
        root.relative(runDir),
        deltaPresent,
        deltaRead,
        splitsPresent,
        delta,
        splits,
        List.copyOf(warnings));
  }

  /** The gates as core's {@link Splits} gives them (NaN where the file leaves a value empty). */
  public List<Splits.Gate> gates() {
    return splits.stream()
        .map(
            g ->
                new Splits.Gate(
                    g.gate(),
                    g.name(),
                    nan(g.tRef()),
                    nan(g.tNew()),
                    nan(g.distanceM()),
                    nan(g.refSectorSec()),
                    nan(g.newSectorSec()),
                    nan(g.refElapsedSec()),
                    nan(g.newElapsedSec()),
                    nan(g.confidence())))
        .toList();
  }

  /** The run's one gap figure (see {@link TimeGap}), or null when it has nothing to measure. */
  public TimeGap gap() {
    return TimeGap.of(gates(), points());
  }

  /** The curve measured from the first gate, so that it agrees with the splits table. */
  public List<DeltaTime.Point> pointsFromFirstGate() {
    return TimeGap.fromFirstGate(
        points(), splits.isEmpty() ? Double.NaN : nan(splits.get(0).tRef()));
  }

  private static double nan(Double v) {
    return v == null ? Double.NaN : v;
  }

  /** The delta curve as core's charts take it (NaN distance without GPS). */
  public List<DeltaTime.Point> points() {
    return delta.stream()
        .map(
            p ->
                new DeltaTime.Point(
                    p.tRef(),
                    p.distanceM() == null ? Double.NaN : p.distanceM(),
                    p.tNew(),
                    p.deltaSec()))
        .toList();
  }

  /**
   * Reads {@code splits.csv} by its header's names.
   *
   * @throws IOException naming the line when the file is not a splits table
   */
  static List<Split> readSplits(Path file) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(file.toFile())) {
      while (it.hasNextValue()) {
        rows.add(it.nextValue());
      }
    }
    if (rows.isEmpty()) {
      throw new IOException(
          "empty (expected the header " + String.join(",", SplitsCsv.SPLITS_COLUMNS) + ")");
    }
    Map<String, Integer> at = new HashMap<>();
    String[] header = rows.get(0);
    for (int i = 0; i < header.length; i++) {
      at.put(header[i].strip(), i);
    }
    List<String> absent =
        SplitsCsv.SPLITS_COLUMNS.stream().filter(c -> !at.containsKey(c)).toList();
    if (!absent.isEmpty()) {
      throw new IOException("line 1: not a splits table (no " + String.join(", ", absent) + ")");
    }
    List<Split> out = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      String[] f = rows.get(r);
      if (f.length == 0 || (f.length == 1 && f[0].isBlank())) {
        continue;
      }
      Row row = new Row(f, at, r + 1);
      Integer gate = row.integer("gate");
      if (gate == null) {
        throw new IOException("line " + (r + 1) + ": gate is empty");
      }
      out.add(
          new Split(
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

  /** One row of splits.csv, its cells by column name. */
  private record Row(String[] cells, Map<String, Integer> at, int line) {

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
