package dev.mtbsync.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartialRunTest {

  @TempDir Path root;

  @Test
  void aCommittedRunLeavesNoPartialNorLock() throws IOException {
    try (PartialRun p = PartialRun.begin(root, "r1")) {
      Files.writeString(p.dir().resolve("run.json"), "{}");
      p.commit(root.resolve("r1"));
    }
    try (var names = Files.list(root)) {
      assertThat(names.map(n -> n.getFileName().toString())).containsExactly("r1");
    }
  }

  @Test
  void aFailedRunIsRemovedWhole() throws IOException {
    try (PartialRun p = PartialRun.begin(root, "r2")) {
      Files.writeString(p.dir().resolve("pairs.csv"), "t_new,t_ref\n");
    }
    try (var names = Files.list(root)) {
      assertThat(names).isEmpty();
    }
  }

  @Test
  void onlyPartialsNoLivingSyncHoldsAreCleaned() throws IOException {
    Path killed = Files.createDirectories(root.resolve(".r3" + PartialRun.SUFFIX));
    Files.writeString(killed.resolve("run.json"), "{\"half");
    try (PartialRun living = PartialRun.begin(root, "r4")) {
      assertThat(PartialRun.cleanStale(root)).isEqualTo(1);
      assertThat(killed).doesNotExist();
      assertThat(living.dir()).as("still being written in this process").isDirectory();
    }
  }
}
