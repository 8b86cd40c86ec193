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
 * Finds the run folders of a batch root: its sub-folders holding a {@code run.json}, {@code
 * timewarp.json} or {@code perf.json}. Hidden folders (the index cache, a sync still being written)
 * and symbolic links are not runs.
 */
public final class RunFolders {

  /**
   * A run folder.
   *
   * @param dir the folder
   * @param modified its last modification time
   */
  public record RunFolder(Path dir, FileTime modified) {
    /** The run id: the folder's name. */
    public String id() {
      return dir.getFileName().toString();
    }
  }

  private RunFolders() {}

  /**
   * The run folders directly under {@code root} whose names match {@code glob} (null: all), newest
   * first (by modification time, then name).
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
    try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
      for (Path dir : children) {
        String name = dir.getFileName().toString();
        BasicFileAttributes a;
        try {
          a = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
          continue; // renamed or removed while we listed (a sync moving its run into place)
        }
        if (!a.isDirectory() || name.startsWith(".") || !match.matches(dir.getFileName())) {
          continue;
        }
        if (isRun(dir)) {
          found.add(new RunFolder(dir, a.lastModifiedTime()));
        }
      }
    }
    found.sort(Comparator.comparing(RunFolder::modified).thenComparing(RunFolder::id).reversed());
    return found;
  }

  private static boolean isRun(Path dir) {
    for (String f : new String[] {"run.json", "timewarp.json", PerfFile.NAME}) {
      if (Files.exists(dir.resolve(f), LinkOption.NOFOLLOW_LINKS)) {
        return true;
      }
    }
    return false;
  }
}
