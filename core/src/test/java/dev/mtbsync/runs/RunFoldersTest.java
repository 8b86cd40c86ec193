package dev.mtbsync.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.runs.RunFolders.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFoldersTest {

  @TempDir Path root;
  @TempDir Path outside;

  /** A run folder at {@code id} under {@code base}, modified {@code age} minutes ago. */
  private static Path run(Path base, String id, int age) throws IOException {
    Path dir = Files.createDirectories(base.resolve(id));
    Files.writeString(dir.resolve("run.json"), "{\"schema_version\":1}");
    Files.setLastModifiedTime(dir, FileTime.from(Instant.now().minusSeconds(60L * age)));
    return dir;
  }

  @Test
  void runsInSubFoldersAreFoundAndNamedByTheirPathUnderTheRoot() throws IOException {
    run(root, "top", 1);
    run(root, "pairA/r1", 2);
    run(root, "pairA/r2", 3);
    run(root, "trails/bluebell/pairB/r1", 4);
    assertThat(RunFolders.discover(root, null))
        .extracting(RunFolder::id)
        .containsExactly("top", "pairA/r1", "pairA/r2", "trails/bluebell/pairB/r1");
  }

  @Test
  void linksHiddenFoldersAndTheInsideOfARunAreNotSearched() throws IOException {
    Path top = run(root, "top", 1);
    run(top, "inner", 1); // a folder inside a run is the run's, not another run
    run(root, ".index-cache/cached", 1);
    run(outside, "elsewhere", 1);
    Files.createSymbolicLink(root.resolve("linked"), outside);
    assertThat(RunFolders.discover(root, null)).extracting(RunFolder::id).containsExactly("top");
  }

  @Test
  void theSearchStopsAtItsDepth() throws IOException {
    run(root, "a/b/c/d/e/six", 1);
    run(root, "a/b/c/d/e/f/seven", 1);
    assertThat(RunFolders.discover(root, null))
        .extracting(RunFolder::id)
        .containsExactly("a/b/c/d/e/six");
  }

  @Test
  void aPatternMatchesTheFolderNameOrThePath() throws IOException {
    run(root, "pairA/2025-r1", 1);
    run(root, "pairB/2024-r1", 2);
    assertThat(RunFolders.discover(root, "2025*"))
        .extracting(RunFolder::id)
        .containsExactly("pairA/2025-r1");
    assertThat(RunFolders.discover(root, "pairB/*"))
        .extracting(RunFolder::id)
        .containsExactly("pairB/2024-r1");
  }
}
