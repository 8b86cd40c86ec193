package dev.mtbsync.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtbsync.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerfPrunerTest {

  @TempDir Path root;
  @TempDir Path outside;

  /** A run folder whose perf.json was written {@code age} minutes ago, plus another artefact. */
  private Path run(String id, int age) throws IOException {
    Path dir = Files.createDirectories(root.resolve(id));
    Path perf = Files.writeString(dir.resolve("perf.json"), "{\"run_id\":\"" + id + "\"}");
    Files.writeString(dir.resolve("timewarp.json"), "{}");
    Files.setLastModifiedTime(perf, FileTime.from(Instant.now().minusSeconds(60L * age)));
    return perf;
  }

  @Test
  void keepsTheNewestAndRemovesOnlyOlderPerfFiles() throws IOException {
    run("a", 30);
    run("b", 20);
    run("c", 10);
    run("d", 40);
    PerfPruner.Result r = PerfPruner.prune(root, 2, false);
    assertThat(r.found()).isEqualTo(4);
    assertThat(r.kept()).containsExactly(Path.of("c/perf.json"), Path.of("b/perf.json"));
    assertThat(r.removed()).containsExactly(Path.of("a/perf.json"), Path.of("d/perf.json"));
    assertThat(root.resolve("a/perf.json")).doesNotExist();
    assertThat(root.resolve("a/timewarp.json")).exists();
    assertThat(root.resolve("a")).isDirectory();
    assertThat(root.resolve("c/perf.json")).exists();
  }

  @Test
  void aDryRunListsButDeletesNothing() throws IOException {
    run("a", 30);
    run("b", 20);
    PerfPruner.Result r = PerfPruner.prune(root, 0, true);
    assertThat(r.removed()).containsExactly(Path.of("b/perf.json"), Path.of("a/perf.json"));
    assertThat(root.resolve("a/perf.json")).exists();
    assertThat(root.resolve("b/perf.json")).exists();
  }

  @Test
  void neverFollowsALinkOutOfTheRoot() throws IOException {
    run("a", 5);
    Path theirs = Files.createDirectories(outside.resolve("elsewhere"));
    Path foreign = Files.writeString(theirs.resolve("perf.json"), "{}");
    Files.setLastModifiedTime(foreign, FileTime.from(Instant.now().minusSeconds(99_999)));
    Files.createSymbolicLink(root.resolve("linked-dir"), theirs);
    Files.createDirectories(root.resolve("b"));
    Files.createSymbolicLink(root.resolve("b/perf.json"), foreign);

    PerfPruner.Result r = PerfPruner.prune(root, 0, false);
    assertThat(r.removed()).containsExactly(Path.of("a/perf.json"));
    assertThat(foreign).exists();
    assertThat(root.resolve("b/perf.json")).as("the link itself is left").isSymbolicLink();
    Files.delete(root.resolve("b/perf.json")); // spare the temp-dir cleanup a warning
    Files.delete(root.resolve("linked-dir"));
  }

  @Test
  void hiddenFoldersAreLeftAlone() throws IOException {
    run("a", 5);
    Path partial = Files.createDirectories(root.resolve(".20250101-000000-ab.partial"));
    Files.writeString(partial.resolve("perf.json"), "{}");
    assertThat(PerfPruner.prune(root, 0, false).removed()).containsExactly(Path.of("a/perf.json"));
    assertThat(partial.resolve("perf.json")).exists();
  }

  @Test
  void aMissingRootOrNegativeKeepIsRefused() {
    assertThatThrownBy(() -> PerfPruner.prune(root.resolve("none"), 1, false))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
    assertThatThrownBy(() -> PerfPruner.prune(root, -1, false))
        .isInstanceOf(ConfigException.class)
        .hasMessage("keep must be 0 or more, got -1");
  }
}
