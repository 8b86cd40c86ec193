package dev.mtbsync.server.artefacts;

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
import java.util.List;

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
    List<SplitsCsv.Row> splits,
    List<String> warnings) {

  /**
   * A point of the curve (delta.csv's columns); {@code distanceM} null without GPS.
   *
   * @param deltaSec new minus reference since the start: above zero the new run is behind
   */
  public record DeltaPoint(double tRef, Double distanceM, double tNew, double deltaSec) {}

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
    List<SplitsCsv.Row> splits = List.of();
    if (splitsPresent) {
      try {
        splits = SplitsCsv.readSplits(root.existingFile(root.relative(splitsFile)));
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
}
