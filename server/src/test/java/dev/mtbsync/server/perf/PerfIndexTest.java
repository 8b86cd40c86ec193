package dev.mtbsync.server.perf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.runs.Perf;
import dev.mtbsync.runs.PerfFile;
import dev.mtbsync.server.files.RootPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incremental scan behind the history and the stream. */
class PerfIndexTest {

  @TempDir Path root;

  static final Perf PERF = new Perf(1, 2, 0.1, 0.01, 3.2, 900, 281.25, 120, 400.0, null, null);

  static List<PerfIndex.Change> settle(PerfIndex index) throws InterruptedException {
    Thread.sleep(PerfIndex.SETTLE.toMillis() + 100);
    return index.refresh();
  }

  @Test
  void theFirstScanTakesStockAndLaterScansReportWhatIsNew() throws IOException {
    Files.createDirectories(root.resolve("a"));
    PerfFile.write(root.resolve("a/perf.json"), "a", PERF);
    PerfIndex index = new PerfIndex(new RootPath(root));
    assertThat(index.refresh()).isEmpty();
    assertThat(index.size()).isEqualTo(1);
    assertThat(index.refresh()).isEmpty();

    Files.createDirectories(root.resolve("batch/b"));
    PerfFile.write(root.resolve("batch/b/perf.json"), "b", PERF);
    List<PerfIndex.Change> changes = index.refresh();
    assertThat(changes).hasSize(1);
    // named by its folder's path under the root, so the telemetry table's link leads to it
    assertThat(changes.get(0).point().runId()).isEqualTo("batch/b");
    assertThat(changes.get(0).point().path()).isEqualTo("batch/b/perf.json");
    assertThat(changes.get(0).point().figures().get("fps")).isEqualTo(281.25);
    assertThat(index.refresh()).isEmpty();

    PerfFile.write(root.resolve("a/perf.json"), "a", PERF);
    assertThat(index.refresh()).as("rewritten").hasSize(1);
  }

  @Test
  void aHalfWrittenFileIsReportedOnlyOnceItStaysBroken() throws Exception {
    PerfIndex index = new PerfIndex(new RootPath(root));
    index.refresh();
    Files.createDirectories(root.resolve("r"));
    Files.writeString(root.resolve("r/perf.json"), "{\"run_id\": \"r\", \"fps\": 3");
    assertThat(index.refresh()).as("maybe still being written").isEmpty();
    Files.writeString(root.resolve("r/perf.json"), "{\"run_id\": \"r\", \"fps\": 33.5}");
    List<PerfIndex.Change> done = index.refresh();
    assertThat(done).hasSize(1);
    assertThat(done.get(0).problem()).isFalse();
    assertThat(done.get(0).point().figures().get("fps")).isEqualTo(33.5);

    Files.createDirectories(root.resolve("s"));
    Files.writeString(root.resolve("s/perf.json"), "garbage");
    assertThat(index.refresh()).isEmpty();
    List<PerfIndex.Change> broken = settle(index);
    assertThat(broken).hasSize(1);
    assertThat(broken.get(0).problem()).isTrue();
    assertThat(broken.get(0).point().problem()).contains("not a JSON file");
    assertThat(settle(index)).as("reported once").isEmpty();
  }

  @Test
  void hiddenFoldersLinksAndRemovedRunsAreLeftOut() throws Exception {
    Files.createDirectories(root.resolve(".index-cache"));
    PerfFile.write(root.resolve(".index-cache/perf.json"), "x", PERF);
    Path outside = Files.createTempDirectory("outside");
    PerfFile.write(outside.resolve("perf.json"), "o", PERF);
    Files.createSymbolicLink(root.resolve("linked"), outside);
    Files.createDirectories(root.resolve("keep"));
    PerfFile.write(root.resolve("keep/perf.json"), "k", PERF);
    PerfIndex index = new PerfIndex(new RootPath(root));
    index.refresh();
    assertThat(index.newest(10)).extracting(p -> p.path()).containsExactly("keep/perf.json");
    Files.delete(root.resolve("keep/perf.json"));
    Files.delete(root.resolve("keep"));
    index.refresh();
    assertThat(index.size()).isZero();
  }

  @Test
  void newestKeepsTheLatestFilesAndListsThemOldestFirst() throws Exception {
    PerfIndex index = new PerfIndex(new RootPath(root));
    for (int i = 0; i < 5; i++) {
      Files.createDirectories(root.resolve("r" + i));
      PerfFile.write(root.resolve("r" + i + "/perf.json"), "r" + i, PERF);
      Files.setLastModifiedTime(
          root.resolve("r" + i + "/perf.json"),
          java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
      Thread.sleep(2); // distinct timestamps
    }
    index.refresh();
    assertThat(index.newest(3)).extracting(p -> p.runId()).containsExactly("r2", "r3", "r4");
  }
}
