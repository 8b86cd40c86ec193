package dev.mtbsync.server.files;

import dev.mtbsync.runs.RunFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The batch root the dashboard serves, and the one place where a path taken from a request becomes
 * a file: every route that reads or writes goes through {@link #resolve}, so nothing outside the
 * root is ever touched.
 *
 * <p>DESIGN NOTE: a request path is checked twice. Lexically: it must be relative, made of plain
 * names (no {@code ..}, no {@code .}, no empty or hidden segment, no backslash or NUL), so
 * traversal is refused before the file system is asked. Then physically: an existing file's real
 * path (symbolic links resolved) must still lie under the root's real path, so a link planted in a
 * run folder that points out of the root is refused too. Requests are decoded once, by the server;
 * a {@code %2e%2e} that survives decoding is a literal name, never decoded again.
 */
public final class RootPath {

  private final Path root;

  /**
   * @param root an existing folder
   * @throws NoSuchFileException when it is not a folder
   */
  public RootPath(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new NoSuchFileException(root.toString(), null, "not a folder");
    }
    this.root = root.toRealPath();
  }

  /** The root's real path. */
  public Path root() {
    return root;
  }

  /**
   * The file a request names, relative to the root with {@code /} separators.
   *
   * @return an absolute path under the root (it may not exist yet)
   * @throws OutsideRootException when the path is not a plain relative path or leads out of the
   *     root
   */
  public Path resolve(String relative) throws IOException {
    if (relative == null || relative.isBlank()) {
      throw new IllegalArgumentException("no path given");
    }
    if (relative.indexOf('\0') >= 0 || relative.indexOf('\\') >= 0) {
      throw new OutsideRootException(relative, "not a plain path");
    }
    if (relative.startsWith("/") || relative.matches("^[A-Za-z]:.*")) {
      throw new OutsideRootException(relative, "absolute paths are not served");
    }
    for (String segment : relative.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new OutsideRootException(relative, "not a plain path");
      }
      if (segment.startsWith(".")) {
        throw new OutsideRootException(relative, "hidden files are not served");
      }
    }
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root) || file.equals(root)) {
      throw new OutsideRootException(relative, "outside the root");
    }
    return checkReal(file, relative);
  }

  /** As {@link #resolve}, for a file that must exist and be a regular file. */
  public Path existingFile(String relative) throws IOException {
    Path file = resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(relative);
    }
    return file;
  }

  /**
   * As {@link #existingFile}, for a file that must lie in the run folder {@code runDir} itself (a
   * {@code markers=} parameter): any other path, inside the root or not, is refused (403) the same
   * way by every page and route, never replaced by a default.
   */
  public Path runFile(String relative, Path runDir) throws IOException {
    Path file = resolve(relative);
    if (!runDir.equals(file.getParent())) {
      throw new OutsideRootException(relative, "not a file of run " + relative(runDir));
    }
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(relative);
    }
    return file;
  }

  /**
   * A file the server names itself in a folder of the root ({@code RUN/timewarp.json}), checked as
   * {@link #resolve} checks a request's path. Every artefact the server opens comes through here or
   * through {@link #resolve}, so a fixed name planted as a link out of the root is never followed.
   *
   * @param file a path under the root (it may not exist yet)
   * @return the same file
   * @throws OutsideRootException when it, or a folder above it, is a link out of the root or a link
   *     that leads nowhere
   */
  public Path inRoot(Path file) throws IOException {
    return resolve(relative(file));
  }

  /**
   * As {@link #inRoot}, for a file that may be missing.
   *
   * @return the file, or empty when it is not there
   * @throws NoSuchFileException when it is there but is not a regular file (a folder, a device)
   */
  public Optional<Path> artefact(Path file) throws IOException {
    Path checked = inRoot(file);
    if (!Files.exists(checked, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(checked)) {
      throw new NoSuchFileException(relative(file), null, "not a regular file");
    }
    return Optional.of(checked);
  }

  /** Whether {@link #artefact} would open the file: there, regular, and not a link out. */
  public boolean has(Path file) {
    try {
      return artefact(file).isPresent();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * A run folder by its id: its path under the root ({@code RUN}, or {@code pairA/RUN} for a run
   * synced into a sub-folder), at most {@link RunFolders#MAX_DEPTH} levels down, checked as {@link
   * #resolve} checks a request's path. A folder that only holds runs ({@code pairA}) is not a run.
   */
  public Path runDir(String runId) throws IOException {
    if (runId == null || runId.isBlank()) {
      throw new IllegalArgumentException("no run given");
    }
    if (runId.split("/", -1).length > RunFolders.MAX_DEPTH) {
      throw new OutsideRootException(runId, "not a run id");
    }
    Path dir = resolve(runId);
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !RunFolders.isRun(dir)) {
      throw new NoSuchFileException(runId, null, "no such run");
    }
    return dir;
  }

  /** The path of a file under the root as requests name it ({@code RUN/perf.json}). */
  public String relative(Path file) {
    return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  /** Refuses an existing path whose real location (links resolved) is not under the root. */
  private Path checkReal(Path file, String asked) throws IOException {
    // walk up to the deepest part that exists: a link in any parent counts too
    Path existing = file;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      throw new OutsideRootException(asked, "outside the root");
    }
    Path real;
    try {
      real = existing.toRealPath();
    } catch (IOException e) {
      // a dangling link: whatever it names, it is not a file of the root
      throw new OutsideRootException(asked, "a link that leads nowhere");
    }
    if (!real.startsWith(root)) {
      throw new OutsideRootException(asked, "a link out of the root");
    }
    return file;
  }
}
