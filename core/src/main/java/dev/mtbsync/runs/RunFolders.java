package dev.mtbsync.runs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the run folders of a batch root: folders holding a {@code run.json}, {@code timewarp.json}
 * or {@code perf.json}, at any depth up to {@value #MAX_DEPTH} (so {@code sync --out ROOT/pairA}
 * puts a run at {@code ROOT/pairA/<run>} and it is found as {@code pairA/<run>}). Hidden folders
 * (the index cache, a sync still being written) and symbolic links are never entered, and a run
 * folder's own sub-folders are not searched.
 *
 * <p>DESIGN NOTE: a run is identified by its path under the root, not its folder name: two pairs
 * synced into sibling folders may hold runs of the same name, and every link the dashboard makes
 * must lead back to the one folder.
 */
public final class RunFolders {

  /** Folder levels below the root searched for runs (the root's children are level 1). */
  public static final int MAX_DEPTH = 6;

  /**
   * A run folder.
   *
   * @param dir the folder
   * @param id its path under the root, {@code /}-separated ({@code pairA/20250101-120000-ab12})
   * @param modified its last modification time
   */
  public record RunFolder(Path dir, String id, FileTime modified) {}

  private RunFolders() {}

  /**
   * The run folders under {@code root} whose name or path under the root match {@code glob} (null:
   * all), newest first (by modification time, then id).
   *
   * @throws NoSuchFileException when root is not a folder
   */
  public static List<RunFolder> discover(Path root, String glob) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new NoSuchFileException(root.toString());
    }
    PathMatcher match =
        glob == null || glob.isBlank()
            ? p -> true
            : FileSystems.getDefault().getPathMatcher("glob:" + glob);
    List<RunFolder> found = new ArrayList<>();
    walk(root, root, 1, match, found);
    found.sort(Comparator.comparing(RunFolder::modified).thenComparing(RunFolder::id).reversed());
    return found;
  }

  /** The id of a folder under root: its relative path with {@code /} separators. */
  public static String idOf(Path root, Path dir) {
    return root.relativize(dir).toString().replace('\\', '/');
  }

  private static void walk(
      Path root, Path parent, int depth, PathMatcher match, List<RunFolder> found)
      throws IOException {
    List<Path> deeper = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(parent)) {
      for (Path dir : children) {
        String name = dir.getFileName().toString();
        BasicFileAttributes a;
        try {
          a = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
          continue; // renamed or removed while we listed (a sync moving its run into place)
        }
        if (!a.isDirectory() || name.startsWith(".")) {
          continue;
        }
        if (isRun(dir)) {
          String id = idOf(root, dir);
          if (match.matches(dir.getFileName()) || match.matches(Path.of(id))) {
            found.add(new RunFolder(dir, id, a.lastModifiedTime()));
          }
        } else if (depth < MAX_DEPTH) {
          deeper.add(dir);
        }
      }
    } catch (NoSuchFileException gone) {
      if (parent.equals(root)) {
        throw gone;
      }
      return; // a sub-folder removed while we walked
    }
    for (Path dir : deeper) {
      walk(root, dir, depth + 1, match, found);
    }
  }

  /** Whether a folder holds a run's artefacts (run.json, timewarp.json or perf.json). */
  public static boolean isRun(Path dir) {
    for (String f : new String[] {"run.json", "timewarp.json", PerfFile.NAME}) {
      if (Files.exists(dir.resolve(f), LinkOption.NOFOLLOW_LINKS)) {
        return true;
      }
    }
    return false;
  }
}
