package dev.mtbsync.quality;

import dev.mtbsync.artefacts.RunJson;
import dev.mtbsync.artefacts.TimewarpJson;
import dev.mtbsync.markers.MarkerCsv;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.match.TimePair;
import dev.mtbsync.runs.PairsCsv;
import dev.mtbsync.runs.PerfFile;
import dev.mtbsync.runs.RunFolders;
import dev.mtbsync.runs.RunFolders.RunFolder;
import dev.mtbsync.stats.Stats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Aggregates warp quality and speed over a batch root's run folders ({@code benchmark-quality}).
 * Each run needs a readable {@code timewarp.json}; {@code perf.json} is optional; when the warp has
 * no residuals but {@code pairs.csv} and the affine {@code params} are there, the residuals are
 * computed from them (folders written by older tools). Unreadable files are listed, never fatal.
 */
public final class Benchmark {

  /** perf.json fields included when none are asked for. */
  public static final List<String> DEFAULT_FIELDS =
      List.of("fps", "cpu_pct", "gpu_util", "gpu_mem_mb", "rss_mb");

  /** P90 buckets (s): fine at the bottom, where a good sync lands, up to the 1 s strict limit. */
  static final double[] P90_EDGES = {0, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2};

  /** |ppm| buckets: the strict limit (500) and the drift of riders at other paces (10^4 and up). */
  static final double[] PPM_EDGES = {0, 100, 500, 1000, 5000, 20000, 50000, 100000};

  static final double[] INLIER_EDGES = {0, 0.25, 0.5, 0.6, 0.7, 0.8, 0.9};

  /**
   * What to benchmark.
   *
   * @param pattern glob on run folder names or their paths under the root, null for all
   * @param limit the newest runs to include, null for all
   * @param fields perf.json fields to include, from {@link PerfFile#FIELDS}
   * @param criteria what {@code strict_ok} asks of a run
   */
  public record Options(
      String pattern, Integer limit, List<String> fields, StrictCriteria criteria) {
    public static final Options DEFAULT = new Options(null, null, DEFAULT_FIELDS);

    /** With the default strict criteria. */
    public Options(String pattern, Integer limit, List<String> fields) {
      this(pattern, limit, fields, StrictCriteria.DEFAULT);
    }

    public Options validate() {
      criteria.validate();
      if (limit != null && limit < 1) {
        throw new IllegalArgumentException("--limit must be 1 or more, got " + limit);
      }
      for (String f : fields) {
        if (!PerfFile.FIELDS.contains(f)) {
          throw new IllegalArgumentException(
              "unknown perf field '" + f + "' (known: " + String.join(",", PerfFile.FIELDS) + ")");
        }
      }
      return this;
    }
  }

  /** The quality fields of a timewarp.json; {@code covered} is its valid new-time span (s). */
  private record Warp(
      boolean ok,
      Double ppm,
      Double inlierFrac,
      Double mae,
      Double p90,
      Integer nPairs,
      Double covered) {}

  private Benchmark() {}

  /**
   * @throws java.nio.file.NoSuchFileException when root is not a folder
   */
  public static BenchmarkReport run(Path root, Options options) throws IOException {
    options.validate();
    List<RunFolder> folders = RunFolders.discover(root, options.pattern());
    if (options.limit() != null && folders.size() > options.limit()) {
      folders = folders.subList(0, options.limit());
    }
    List<BenchmarkRow> rows = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (RunFolder f : folders) {
      Warp w;
      try {
        w = readWarp(f.dir());
      } catch (IOException e) {
        skipped.add(e.getMessage() + " (run skipped)");
        continue;
      }
      Map<String, Double> perf = new LinkedHashMap<>();
      options.fields().forEach(k -> perf.put(k, null));
      Path perfFile = f.dir().resolve(PerfFile.NAME);
      if (Files.exists(perfFile)) {
        try {
          Map<String, Double> all = PerfFile.read(perfFile).figures();
          options.fields().forEach(k -> perf.put(k, all.get(k)));
        } catch (IOException e) {
          skipped.add(e.getMessage() + " (perf figures left empty)");
        }
      }
      Double coverage = coverage(f.dir(), w.covered());
      Integer review;
      try {
        review = reviewMarkers(f.dir());
      } catch (IOException e) {
        review = null;
        skipped.add(e.getMessage() + " (markers needing review not counted)");
      }
      List<String> misses =
          options.criteria().misses(w.inlierFrac(), w.p90(), w.ppm(), coverage, review);
      rows.add(
          new BenchmarkRow(
              f.id(),
              f.modified().toInstant().toString(),
              w.ok(),
              misses.isEmpty(),
              w.ppm(),
              w.inlierFrac(),
              w.mae(),
              w.p90(),
              w.nPairs(),
              coverage,
              review,
              List.copyOf(misses),
              perf));
    }
    return new BenchmarkReport(
        root,
        Instant.now().toString(),
        List.copyOf(options.fields()),
        options.criteria(),
        List.copyOf(rows),
        summarise(rows, options.fields()),
        histograms(rows, options.criteria()),
        List.copyOf(skipped));
  }

  private static Warp readWarp(Path dir) throws IOException {
    Path file = dir.resolve(TimewarpJson.NAME);
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + ": missing");
    }
    TimewarpJson t = TimewarpJson.read(file);
    Double mae = t.residuals().mae();
    Double p90 = t.residuals().p90();
    Double a = t.params().a();
    Double b = t.params().b();
    Integer nPairs = t.nPairs();
    if (p90 == null && a != null && b != null) {
      double[] r = residuals(dir.resolve("pairs.csv"), a, b);
      if (r.length > 0) {
        mae = Arrays.stream(r).average().orElseThrow();
        p90 = Stats.percentile(r, 90);
        nPairs = nPairs == null ? r.length : nPairs;
      }
    }
    List<Double> valid = t.validTNew();
    Double covered =
        valid != null && valid.size() == 2 ? difference(valid.get(0), valid.get(1)) : null;
    boolean fitted = p90 != null;
    return new Warp(
        Boolean.TRUE.equals(t.ok()),
        t.ppm(),
        // a failed sync writes inlier_frac 0.0 beside no fit: not a measured fraction
        fitted ? t.inlierFrac() : null,
        mae,
        p90,
        nPairs,
        covered);
  }

  private static Double difference(Double from, Double to) {
    return from == null || to == null ? null : to - from;
  }

  /**
   * The share of the new run the warp covers: its span over the new video's decoded length as
   * run.json records it ({@code inputs.new.decoded_sec}, else {@code header_sec}); null when either
   * is unknown.
   */
  private static Double coverage(Path dir, Double covered) {
    Path run = dir.resolve(RunJson.NAME);
    if (covered == null || !Files.isRegularFile(run)) {
      return null;
    }
    try {
      RunJson.Video neu = RunJson.read(run).inputs().neu();
      Double length = neu == null ? null : neu.lengthSec();
      return length == null || length <= 0 ? null : Math.min(1, Math.max(0, covered / length));
    } catch (IOException e) {
      return null; // run.json is the dashboard's to report; the coverage is just unknown
    }
  }

  /** Markers flagged needs_review in new_markers.csv; 0 without the file. */
  private static int reviewMarkers(Path dir) throws IOException {
    Path file = dir.resolve("new_markers.csv");
    if (!Files.isRegularFile(file)) {
      return 0;
    }
    return (int) MarkerCsv.readNew(file).stream().filter(NewMarker::needsReview).count();
  }

  /** |t_ref - (a t_new + b)| of each pair; empty when the file is missing or unreadable. */
  private static double[] residuals(Path pairs, double a, double b) {
    try {
      return PairsCsv.read(pairs).stream()
          .mapToDouble((TimePair p) -> Math.abs(p.tRef() - (a * p.tNew() + b)))
          .toArray();
    } catch (IOException e) {
      return new double[0];
    }
  }

  private static BenchmarkSummary summarise(List<BenchmarkRow> rows, List<String> fields) {
    int total = rows.size();
    int ok = (int) rows.stream().filter(BenchmarkRow::ok).count();
    int strict = (int) rows.stream().filter(BenchmarkRow::strictOk).count();
    double[] p90 = values(rows.stream().map(BenchmarkRow::resP90).toList());
    double[] ppm =
        values(rows.stream().map(r -> r.ppm() == null ? null : Math.abs(r.ppm())).toList());
    double[] inl = values(rows.stream().map(BenchmarkRow::inlierFrac).toList());
    Map<String, Double> perfMeans = new LinkedHashMap<>();
    for (String f : fields) {
      perfMeans.put(f, mean(values(rows.stream().map(r -> r.perf().get(f)).toList())));
    }
    return new BenchmarkSummary(
        total,
        ok,
        total == 0 ? 0 : 100.0 * ok / total,
        strict,
        total == 0 ? 0 : 100.0 * strict / total,
        mean(p90),
        p90.length == 0 ? null : Stats.percentile(p90, 50),
        mean(ppm),
        mean(inl),
        perfMeans);
  }

  /**
   * The runs every chart counts: those with a fitted warp (a P90 residual and an inlier fraction).
   * A failed sync has neither; counting its placeholder inlier fraction in one chart only made the
   * charts disagree on how many runs there are.
   */
  public static List<BenchmarkRow> charted(List<BenchmarkRow> rows) {
    return rows.stream().filter(r -> r.resP90() != null && r.inlierFrac() != null).toList();
  }

  private static List<Histogram> histograms(List<BenchmarkRow> all, StrictCriteria c) {
    List<BenchmarkRow> rows = charted(all);
    return List.of(
        Histogram.of(
            "res_p90",
            "P90 residual (s)",
            "s",
            P90_EDGES,
            c.maxP90Sec(),
            rows.stream().map(BenchmarkRow::resP90).toList()),
        Histogram.of(
            "ppm",
            "Speed drift |ppm|",
            "ppm",
            PPM_EDGES,
            c.maxPpm(),
            rows.stream().map(r -> r.ppm() == null ? null : Math.abs(r.ppm())).toList()),
        Histogram.of(
            "inlier_frac",
            "Inlier fraction",
            "",
            INLIER_EDGES,
            c.minInlierFrac(),
            rows.stream().map(BenchmarkRow::inlierFrac).toList()));
  }

  private static double[] values(List<Double> list) {
    return list.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
  }

  private static Double mean(double[] v) {
    return v.length == 0 ? null : Arrays.stream(v).average().orElseThrow();
  }
}
