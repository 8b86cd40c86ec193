package dev.mtbsync.runs;

import dev.mtbsync.config.ConfigException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Telemetry retention: keeps the newest N {@code perf.json} files under a batch root and deletes
 * the others. Nothing but files named perf.json is touched; symbolic links are neither followed nor
 * deleted, and hidden folders (the index cache, syncs being written) are not entered, so nothing
 * outside the root, or in use, is ever removed.
 */
public final class PerfPruner {

  /**
   * What a prune did (or, on a dry run, would do).
   *
   * @param found perf.json files under the root
   * @param kept the newest, kept, newest first
   * @param removed the others, newest first (paths relative to the root)
   * @param problems files that could not be removed, one line each
   */
  public record Result(int found, List<Path> kept, List<Path> removed, List<String> problems) {}

  private record Candidate(Path path, FileTime modified) {}

  private PerfPruner() {}

  /**
   * @param keep perf.json files to keep (0 or more)
   * @param dryRun list what would go without deleting anything
   * @throws ConfigException when keep is negative (before the root is looked at)
   */
  public static Result prune(Path root, int keep, boolean dryRun) throws IOException {
    ConfigException.require(keep >= 0, "keep", "must be 0 or more, got " + keep);
    if (!Files.isDirectory(root)) {
      throw new NoSuchFileException(root.toString());
    }
    Path realRoot = root.toRealPath();
    List<Candidate> all = new ArrayList<>();
    Files.walkFileTree(
        realRoot,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
            boolean hidden = !dir.equals(realRoot) && dir.getFileName().toString().startsWith(".");
            return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
            // without FOLLOW_LINKS a link is reported as a link: never counted, never deleted
            if (a.isRegularFile() && file.getFileName().toString().equals(PerfFile.NAME)) {
              all.add(new Candidate(file, a.lastModifiedTime()));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE; // unreadable corners are left alone
          }
        });
    all.sort(
        Comparator.comparing(Candidate::modified)
            .thenComparing(c -> c.path().toString())
            .reversed());
    List<Path> kept = new ArrayList<>();
    List<Path> removed = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Path file = all.get(i).path();
      Path rel = realRoot.relativize(file);
      if (i < keep) {
        kept.add(rel);
        continue;
      }
      if (!dryRun) {
        try {
          if (Files.isSymbolicLink(file) || !file.getParent().toRealPath().startsWith(realRoot)) {
            continue; // replaced by a link since the walk: not ours to delete
          }
          Files.delete(file);
        } catch (NoSuchFileException gone) {
          continue; // removed by someone else meanwhile
        } catch (IOException e) {
          problems.add(rel + ": " + e.getMessage());
          continue;
        }
      }
      removed.add(rel);
    }
    return new Result(all.size(), List.copyOf(kept), List.copyOf(removed), List.copyOf(problems));
  }
}
