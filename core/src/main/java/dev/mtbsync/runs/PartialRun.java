package dev.mtbsync.runs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A run folder while it is written: {@code ROOT/.RUN.partial}, hidden from every reader, moved into
 * place whole when complete and removed otherwise. A lock file beside it, {@code
 * ROOT/.RUN.partial.lock}, is held (an OS file lock) for as long as the writer lives, so a later
 * sync into the root can tell a partial folder left by a killed sync from one still being written,
 * and removes the former.
 *
 * <p>DESIGN NOTE: the operating system drops a file lock when its process dies, however it dies,
 * which a pid file cannot promise (pids are reused). Within one process (a batch running pairs at
 * once) a lock cannot be tested without risk: closing any channel of a locked file may release the
 * process's lock on it, so this process's own partial folders are known from a set instead.
 */
final class PartialRun implements AutoCloseable {

  static final String SUFFIX = ".partial";
  private static final String LOCK = ".lock";

  /** The partial folders this process is writing. */
  private static final Set<Path> OWN = ConcurrentHashMap.newKeySet();

  private final Path dir;
  private final Path lockFile;
  private final FileChannel channel;
  private boolean moved;

  private PartialRun(Path dir, Path lockFile, FileChannel channel) {
    this.dir = dir;
    this.lockFile = lockFile;
    this.channel = channel;
  }

  /** Starts the folder of run {@code runId} in {@code root}, holding its lock. */
  static PartialRun begin(Path root, String runId) throws IOException {
    Files.createDirectories(root);
    Path dir = root.resolve("." + runId + SUFFIX);
    Path lockFile = root.resolve("." + runId + SUFFIX + LOCK);
    Path key = dir.toAbsolutePath().normalize();
    OWN.add(key);
    FileChannel ch = null;
    try {
      ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      if (ch.tryLock() == null) {
        throw new IOException(dir + ": another sync is writing this run");
      }
      Files.createDirectories(dir);
      return new PartialRun(dir, lockFile, ch);
    } catch (IOException | RuntimeException e) {
      OWN.remove(key);
      if (ch != null) {
        ch.close();
      }
      throw e;
    }
  }

  /** The folder to write the run's files into. */
  Path dir() {
    return dir;
  }

  /** Moves the complete run to {@code runDir} in one step. */
  void commit(Path runDir) throws IOException {
    Files.move(dir, runDir, StandardCopyOption.ATOMIC_MOVE);
    moved = true;
  }

  /**
   * A failure while writing, told of the run folder the user will look for: {@code cannot write
   * ROOT/RUN/pairs.csv: No space left on device}, not the hidden partial folder's name.
   */
  IOException failed(IOException e, Path runDir) {
    String m = e.getMessage();
    if (m == null || !m.contains(dir.toString())) {
      return e;
    }
    return new IOException(m.replace(dir.toString(), runDir.toString()), e);
  }

  /** Removes what was not committed, then the lock. */
  @Override
  public void close() throws IOException {
    try {
      if (!moved) {
        deleteTree(dir);
      }
      Files.deleteIfExists(lockFile);
    } finally {
      channel.close();
      OWN.remove(dir.toAbsolutePath().normalize());
    }
  }

  /**
   * Removes the partial run folders of {@code root} (and their lock files) that no living process
   * holds: those of syncs that were killed.
   *
   * @return how many folders were removed
   */
  static int cleanStale(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    int removed = 0;
    try (DirectoryStream<Path> children = Files.newDirectoryStream(root, ".*" + SUFFIX)) {
      for (Path dir : children) {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
            && !OWN.contains(dir.toAbsolutePath().normalize())
            && removeIfUnlocked(dir, dir.resolveSibling(dir.getFileName() + LOCK))) {
          removed++;
        }
      }
    }
    return removed;
  }

  private static boolean removeIfUnlocked(Path dir, Path lockFile) throws IOException {
    try (FileChannel ch =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException heldHere) {
        return false;
      }
      if (lock == null) {
        return false; // a living sync is writing it
      }
      try {
        deleteTree(dir);
        Files.deleteIfExists(lockFile);
        return true;
      } finally {
        lock.release();
      }
    }
  }

  /** Deletes a folder and what it holds; links inside are removed, never followed. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
