package dev.mtbsync.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkTest {

  @TempDir Path root;

  private static String warp(boolean ok, double p90, double ppm, double inlier) {
    return String.format(
        java.util.Locale.ROOT,
        "{\"schema_version\":1,\"ok\":%s,\"ppm\":%s,\"inlier_frac\":%s,\"params\":{\"a\":1,\"b\":0},"
            + "\"residuals\":{\"mae\":%s,\"p50\":0,\"p90\":%s,\"p95\":0},\"n_pairs\":40}",
        ok,
        ppm,
        inlier,
        p90 / 2,
        p90);
  }

  private static final String PERF =
      "{\"schema_version\":1,\"fps\":200.5,\"cpu_pct\":180.0,\"rss_mb\":500.0,"
          + "\"gpu_util\":null,\"gpu_mem_mb\":null,\"total_sec\":3.5}";

  /** A run folder modified {@code age} minutes ago. */
  private Path run(String id, int age, String timewarp, String perf) throws IOException {
    Path dir = Files.createDirectories(root.resolve(id));
    if (timewarp != null) {
      Files.writeString(dir.resolve("timewarp.json"), timewarp);
    }
    if (perf != null) {
      Files.writeString(dir.resolve("perf.json"), perf);
    }
    Files.setLastModifiedTime(dir, FileTime.from(Instant.now().minusSeconds(60L * age)));
    return dir;
  }

  @BeforeEach
  void runs() throws IOException {
    run("run-a", 10, warp(true, 0.03, 120, 0.9), PERF);
    run("run-b", 20, warp(true, 0.2, -30000, 0.8), PERF); // riders at other paces: still synced
    run("run-c", 30, "{\"ok\": tru", PERF); // torn file
    run("run-d", 40, warp(true, 0.5, 400, 0.55), "not json at all");
    Path e =
        run(
            "run-e",
            50,
            "{\"ok\":true,\"ppm\":0,\"inlier_frac\":0.7,\"params\":{\"a\":1,\"b\":0.5}}",
            null);
    Files.writeString(
        e.resolve("pairs.csv"), "t_new,t_ref,confidence\n1,1.5,1\n2,2.6,1\n3,3.5,1\n4,4.9,1\n");
    Files.setLastModifiedTime(e, FileTime.from(Instant.now().minusSeconds(3000)));
    run(
        "run-f",
        60,
        "{\"ok\":false,\"ppm\":null,\"inlier_frac\":0.0,\"residuals\":{\"p90\":null}}",
        PERF);
    Files.createDirectories(root.resolve(".index-cache"));
    Files.createDirectories(root.resolve("benchmark_out"));
  }

  @Test
  void aggregatesTheRunsNewestFirstAndListsWhatItSkipped() throws IOException {
    BenchmarkReport r = Benchmark.run(root, Benchmark.Options.DEFAULT);
    assertThat(r.rows())
        .extracting(BenchmarkRow::runId)
        .containsExactly("run-a", "run-b", "run-d", "run-e", "run-f");
    assertThat(r.rows())
        .extracting(BenchmarkRow::strictOk)
        .containsExactly(true, true, true, true, false);
    assertThat(r.rows().get(4).strictMisses()).containsExactly("no fitted warp");
    assertThat(r.rows())
        .extracting(BenchmarkRow::ok)
        .containsExactly(true, true, true, true, false);
    assertThat(r.skipped())
        .hasSize(2)
        .anySatisfy(
            s ->
                assertThat(s)
                    .startsWith(root.resolve("run-c/timewarp.json") + ": not a JSON file")
                    .endsWith("(run skipped)"))
        .anySatisfy(
            s ->
                assertThat(s)
                    .startsWith(root.resolve("run-d/perf.json") + ": not a JSON file")
                    .endsWith("(perf figures left empty)"));
    BenchmarkRow a = r.rows().get(0);
    assertThat(a.perf())
        .containsEntry("fps", 200.5)
        .containsEntry("rss_mb", 500.0)
        .containsEntry("gpu_util", null);
    assertThat(r.rows().get(2).perf()).containsEntry("fps", null);

    BenchmarkSummary s = r.summary();
    assertThat(s.total()).isEqualTo(5);
    assertThat(s.ok()).isEqualTo(4);
    assertThat(s.okPct()).isEqualTo(80.0);
    assertThat(s.strictOk()).isEqualTo(4);
    assertThat(s.strictOkPct()).isEqualTo(80.0);
    assertThat(s.meanPpm()).isCloseTo((120 + 30000 + 400 + 0) / 4.0, Offset.offset(1e-9));
    assertThat(s.perfMeans()).containsEntry("fps", 200.5).containsEntry("gpu_mem_mb", null);
  }

  @Test
  void residualsComeFromThePairsWhenTheWarpHasNone() throws IOException {
    BenchmarkRow e = Benchmark.run(root, Benchmark.Options.DEFAULT).rows().get(3);
    // |t_ref - (t_new + 0.5)| = 0, 0.1, 0, 0.4: mean 0.125, P90 (linear) 0.31
    assertThat(e.resMae()).isCloseTo(0.125, Offset.offset(1e-9));
    assertThat(e.resP90()).isCloseTo(0.31, Offset.offset(1e-9));
    assertThat(e.nPairs()).isEqualTo(4);
  }

  @Test
  void theSeedsPpmRuleIsAnOptionThatJudgesThePaceOfTheRiders() throws IOException {
    StrictCriteria seed = StrictCriteria.DEFAULT.withMaxPpm(500.0);
    BenchmarkReport r =
        Benchmark.run(root, new Benchmark.Options(null, null, Benchmark.DEFAULT_FIELDS, seed));
    assertThat(r.rows())
        .extracting(BenchmarkRow::strictOk)
        .containsExactly(true, false, true, true, false);
    assertThat(r.rows().get(1).strictMisses()).containsExactly("|ppm| 30000 > 500");
    assertThat(r.criteria().maxPpm()).isEqualTo(500.0);
    assertThat(r.histograms().get(1).limit()).isEqualTo(500.0);
    assertThat(Benchmark.run(root, Benchmark.Options.DEFAULT).histograms().get(1).limit())
        .as("no ppm limit drawn by default")
        .isNull();
  }

  @Test
  void aRunThatCoversLittleOfTheNewVideoOrLeavesMarkersToReviewIsNotStrict() throws IOException {
    Path a = root.resolve("run-a");
    // the warp covers 10-40 s of a new run that decodes to 100 s: 30 %
    Files.writeString(
        a.resolve("timewarp.json"),
        warp(true, 0.03, 120, 0.9)
            .replace("\"n_pairs\":40}", "\"n_pairs\":40,\"valid_t_new\":[10.0,40.0]}"));
    Files.writeString(
        a.resolve("run.json"),
        "{\"schema_version\":1,\"inputs\":{\"new\":{\"decoded_sec\":100.0}}}");
    Files.writeString(
        a.resolve("new_markers.csv"),
        "name,t_ref,t_new,confidence,needs_review\n"
            + "drop,12.0,12.5,0.9,false\nberm,20.0,21.0,0.3,true\nrock,30.0,,0,true\n");
    Path b = root.resolve("run-b");
    Files.writeString(
        b.resolve("timewarp.json"),
        warp(true, 0.2, -30000, 0.8)
            .replace("\"n_pairs\":40}", "\"n_pairs\":40,\"valid_t_new\":[0.0,90.0]}"));
    Files.writeString(
        b.resolve("run.json"),
        "{\"schema_version\":1,\"inputs\":{\"new\":{\"decoded_sec\":100.0}}}");
    Files.writeString(
        b.resolve("new_markers.csv"),
        "name,t_ref,t_new,confidence,needs_review\ndrop,12,12.5,1,false\n");
    BenchmarkReport r = Benchmark.run(root, Benchmark.Options.DEFAULT);
    BenchmarkRow ra = r.rows().stream().filter(x -> x.runId().equals("run-a")).findFirst().get();
    BenchmarkRow rb = r.rows().stream().filter(x -> x.runId().equals("run-b")).findFirst().get();
    assertThat(ra.coverage()).isCloseTo(0.3, Offset.offset(1e-9));
    assertThat(ra.reviewMarkers()).isEqualTo(2);
    assertThat(ra.strictOk()).isFalse();
    assertThat(ra.strictMisses())
        .containsExactly("covers 30 % of the new run < 50 %", "2 markers need review");
    assertThat(rb.coverage()).isCloseTo(0.9, Offset.offset(1e-9));
    assertThat(rb.reviewMarkers()).isZero();
    assertThat(rb.strictOk()).isTrue();
  }

  @Test
  void everyChartCountsTheSameRunsThoseWithAFittedWarp() throws IOException {
    List<Histogram> h = Benchmark.run(root, Benchmark.Options.DEFAULT).histograms();
    // run-f failed (no fit, a placeholder inlier fraction of 0.0): in no chart
    assertThat(h).extracting(Histogram::total).containsExactly(4, 4, 4);
    assertThat(h).extracting(Histogram::metric).containsExactly("res_p90", "ppm", "inlier_frac");
    Histogram p90 = h.get(0);
    // 0.03, 0.2, 0.5, 0.31 over edges 0, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2
    assertThat(p90.counts()).containsExactly(0, 1, 0, 1, 1, 1, 0, 0);
    assertThat(p90.labels()).startsWith("< 0.02", "0.02–0.05").endsWith("≥ 2");
    assertThat(p90.total()).isEqualTo(4);
    assertThat(p90.limit()).isEqualTo(1.0);
    Histogram ppm = h.get(1);
    assertThat(ppm.counts()).containsExactly(1, 2, 0, 0, 0, 1, 0, 0); // 0 | 120, 400 | 30000
    assertThat(ppm.labels()).contains("20k–50k").endsWith("≥ 100k");
  }

  @Test
  void patternAndLimitPickTheRuns() throws IOException {
    Benchmark.Options o = new Benchmark.Options("run-[a-d]", 2, List.of("fps", "total_sec"));
    BenchmarkReport r = Benchmark.run(root, o);
    assertThat(r.rows()).extracting(BenchmarkRow::runId).containsExactly("run-a", "run-b");
    assertThat(r.rows().get(0).perf())
        .containsOnlyKeys("fps", "total_sec")
        .containsEntry("total_sec", 3.5);
  }

  @Test
  void filesAreWrittenWithEveryColumn() throws IOException {
    BenchmarkReport r = Benchmark.run(root, Benchmark.Options.DEFAULT);
    Path csv = root.resolve("out.csv");
    BenchmarkFiles.writeCsv(csv, r);
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0))
        .isEqualTo(
            "run_id,modified,ok,strict_ok,ppm,inlier_frac,res_mae,res_p90,n_pairs,coverage,review_markers,fps,cpu_pct,gpu_util,gpu_mem_mb,rss_mb");
    assertThat(lines).hasSize(6);
    assertThat(lines.get(1))
        .startsWith("run-a,")
        .endsWith(",true,true,120,0.9,0.015,0.03,40,,0,200.5,180,,,500");
    Path json = root.resolve("out.json");
    BenchmarkFiles.writeJson(json, r);
    assertThat(Files.readString(json))
        .contains(
            "\"schema_version\" : 1",
            "\"strict_ok_pct\" : 80.0",
            "\"max_p90_sec\" : 1.0",
            "\"skipped\" : [");
  }

  @Test
  void unknownFieldsAndAMissingRootAreRefused() {
    assertThatThrownBy(
            () -> Benchmark.run(root, new Benchmark.Options(null, null, List.of("speed"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown perf field 'speed' (known: decode_sec,");
    assertThatThrownBy(() -> Benchmark.run(root.resolve("nowhere"), Benchmark.Options.DEFAULT))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
  }
}
