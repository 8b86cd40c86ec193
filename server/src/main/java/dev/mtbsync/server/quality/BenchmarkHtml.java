package dev.mtbsync.server.quality;

import dev.mtbsync.io.AtomicFiles;
import dev.mtbsync.quality.BenchmarkReport;
import dev.mtbsync.server.html.Templates;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The self-contained HTML report of {@code benchmark-quality --html}: styles, charts (inline SVG)
 * and the table's sorting script are all in the one file, so it opens offline and can be mailed.
 */
public final class BenchmarkHtml {

  private BenchmarkHtml() {}

  public static String render(BenchmarkReport report) {
    return Templates.render("quality/benchmark.jte", "page", BenchmarkPage.of(report));
  }

  public static void write(Path file, BenchmarkReport report) throws IOException {
    AtomicFiles.writeString(file, render(report));
  }
}
