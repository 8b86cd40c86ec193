package dev.mtbsync.server.files;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * The downloadable files under the root: regular files only, hidden names and symbolic links left
 * out (the same rules as {@link RootPath}, so every listed path can be downloaded).
 */
public final class FileList {

  /** At most this many entries are listed. */
  public static final int MAX = 20_000;

  /**
   * A file under the root.
   *
   * @param path as requests name it
   * @param size bytes
   * @param modified ISO-8601
   */
  public record Entry(String path, long size, String modified) {}

  /**
   * @param truncated more files exist than were listed
   */
  public record Listing(List<Entry> files, boolean truncated) {}

  private FileList() {}

  /** Every file under {@code dir} (the root, or a folder in it), sorted by path. */
  public static Listing of(RootPath root, Path dir, int maxDepth) throws IOException {
    List<Entry> out = new ArrayList<>();
    boolean[] truncated = {false};
    Files.walkFileTree(
        dir,
        EnumSet.noneOf(FileVisitOption.class),
        maxDepth,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
            return !d.equals(dir) && d.getFileName().toString().startsWith(".")
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
            if (a.isRegularFile() && !f.getFileName().toString().startsWith(".")) {
              if (out.size() >= MAX) {
                truncated[0] = true;
                return FileVisitResult.TERMINATE;
              }
              out.add(
                  new Entry(
                      root.relative(f), a.size(), a.lastModifiedTime().toInstant().toString()));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path f, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
    out.sort(Comparator.comparing(Entry::path));
    return new Listing(out, truncated[0]);
  }
}
