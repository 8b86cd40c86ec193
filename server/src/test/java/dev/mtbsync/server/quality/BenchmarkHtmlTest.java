package dev.mtbsync.server.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.quality.Benchmark;
import dev.mtbsync.quality.BenchmarkReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkHtmlTest {

  @TempDir Path root;

  private void run(String id, double p90, double ppm, double inlier, String perf)
      throws IOException {
    Path dir = Files.createDirectories(root.resolve(id));
    Files.writeString(
        dir.resolve("timewarp.json"),
        String.format(
            Locale.ROOT,
            "{\"ok\":true,\"ppm\":%s,\"inlier_frac\":%s,\"residuals\":{\"mae\":%s,\"p90\":%s},\"n_pairs\":30}",
            ppm,
            inlier,
            p90 / 2,
            p90));
    Files.writeString(dir.resolve("perf.json"), perf);
  }

  private BenchmarkReport report() throws IOException {
    String perf =
        "{\"fps\":310.5,\"cpu_pct\":190.2,\"rss_mb\":480.0,\"gpu_util\":null,\"gpu_mem_mb\":null}";
    run("20250101-000001-aa", 0.03, 120, 0.9, perf);
    run("20250101-000002-bb", 0.04, -210000, 0.8, perf);
    run("20250101-000003-cc", 1.7, 300, 0.4, perf);
    run("20250101-000004-dd", 0.2, 900, 0.7, "{broken");
    return Benchmark.run(root, Benchmark.Options.DEFAULT);
  }

  @Test
  void theReportIsOnePageWithKpisFilledChartsAndASortableTable() throws IOException {
    String html = BenchmarkHtml.render(report());
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<title>Sync quality benchmark · mtbsync</title>");
    assertThat(html).contains("<div class=\"label\">Runs</div>", "<div class=\"value\">4</div>");
    // strict is sync quality: cc misses P90 and inliers; bb's -210 000 ppm is the riders' pace
    assertThat(html).contains("<div class=\"value\">75.0%</div>");
    assertThat(html).contains("no: inlier fraction 0.40 &lt; 0.50, P90 1.700 s &gt; 1.0 s");
    // three histograms and the P90 trend
    assertThat(count(html, "<svg class=\"chart\"")).isEqualTo(4);
    assertThat(html)
        .contains("P90 residual by run (s)", "<title>20250101-000003-cc: 1.7 s</title>");
    Matcher bars =
        Pattern.compile("<rect class=\"bar[^\"]*\"[^>]* height=\"([0-9.]+)\"").matcher(html);
    int filled = 0;
    while (bars.find()) {
      filled += Double.parseDouble(bars.group(1)) > 0 ? 1 : 0;
    }
    assertThat(filled)
        .as("bars drawn with a height: every chart has some")
        .isGreaterThanOrEqualTo(8);
    assertThat(html)
        .contains("class=\"bar failing\"", "strict ≤ 1 s", "strict ≥ 0.5")
        .doesNotContain("strict ≤ 500 ppm");
    assertThat(html).contains("P90 residual (s)", "4 runs with a fitted warp");
    // the table: a row per run, sortable, numbers carrying their sort keys
    assertThat(count(html, "<td class=\"run\"")).isEqualTo(4);
    assertThat(html).contains("<table class=\"sortable\">", "data-sort=\"-210000.0\"", "RSS MB");
    // ppm signed, one convention on every page: +120, -210 000
    assertThat(html).contains(">+120<", ">-210\u2009000<", ">+300<").doesNotContain(">120<");
    assertThat(html).contains("<script>", "aria-sort");
    // the unreadable perf.json is listed, not fatal
    assertThat(html).contains("Not read (1)", "perf.json: not a JSON file");
    // self-contained: nothing fetched from elsewhere
    assertThat(html).doesNotContain("src=\"http", "href=\"http", "<link ", "@import", "url(");
  }

  @Test
  void everyChartCountsTheRunsWithAFittedWarpAndThePageSaysSo() throws IOException {
    report();
    Path failed = Files.createDirectories(root.resolve("20250101-000005-ee"));
    Files.writeString(
        failed.resolve("timewarp.json"),
        "{\"ok\":false,\"ppm\":null,\"inlier_frac\":0.0,\"residuals\":{\"p90\":null}}");
    String html = BenchmarkHtml.render(Benchmark.run(root, Benchmark.Options.DEFAULT));
    assertThat(html)
        .contains(
            "Every chart counts the 4 runs with a fitted warp (P90 residual and inlier fraction"
                + " measured); 1 run without one (a failed sync) is in the table only.");
    assertThat(html)
        .as("no chart counts the failed run")
        .doesNotContain("5 runs with a fitted warp");
    assertThat(count(html, "<td class=\"run\"")).isEqualTo(5);
    String seed =
        BenchmarkHtml.render(
            Benchmark.run(
                root,
                new Benchmark.Options(
                    null,
                    null,
                    Benchmark.DEFAULT_FIELDS,
                    dev.mtbsync.quality.StrictCriteria.DEFAULT.withMaxPpm(500.0))));
    assertThat(seed)
        .contains("strict ≤ 500 ppm", "|ppm| ≤ 500", "<div class=\"value\">20.0%</div>");
  }

  @Test
  void pathsAndNamesAreEscaped() throws IOException {
    run("run<b>&\"x", 0.03, 120, 0.9, "{}");
    String html = BenchmarkHtml.render(Benchmark.run(root, Benchmark.Options.DEFAULT));
    assertThat(html).contains(">run&lt;b&gt;&amp;\"x</td>").doesNotContain("run<b>");
  }

  @Test
  void writesTheFileAtomically() throws IOException {
    Path out = root.resolve("report.html");
    BenchmarkHtml.write(out, report());
    assertThat(Files.readString(out).strip()).endsWith("</html>");
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
