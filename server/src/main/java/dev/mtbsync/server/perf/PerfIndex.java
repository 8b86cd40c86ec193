package dev.mtbsync.server.perf;

import dev.mtbsync.runs.PerfFile;
import dev.mtbsync.server.artefacts.PerfPoint;
import dev.mtbsync.server.artefacts.Problems;
import dev.mtbsync.server.artefacts.RunSummaries;
import dev.mtbsync.server.files.RootPath;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every {@code perf.json} under a batch root, kept up to date by cheap incremental scans: the basis
 * of {@code /api/perf/history} and of the live stream.
 *
 * <p>DESIGN NOTE: a scan stats the folders it knows and the perf.json files it knows, and lists
 * only folders whose modification time changed (a file created or renamed into a folder changes it;
 * artefacts are written by rename). Folders modified within the last {@link #RACY} are listed again
 * on the next scan too, as file systems with coarse timestamps could hide a second change in the
 * same tick. So a scan of 2000 runs costs about 4000 stats and no reads, cheap enough to repeat
 * twice a second, and it works on every file system, where WatchService would need one watch per
 * folder (and polls every few seconds on some platforms). Hidden folders (the index cache, syncs
 * being written) and symbolic links are not entered; depth is limited to {@value #MAX_DEPTH}.
 *
 * <p>A perf.json that does not parse is retried on each scan while it changes; only once it has
 * stayed the same for {@link #SETTLE} is it reported, so a file caught half-written by a writer
 * that does not rename never shows as a problem.
 */
public final class PerfIndex {

  static final int MAX_DEPTH = 6;
  static final Duration RACY = Duration.ofSeconds(2);
  static final Duration SETTLE = Duration.ofSeconds(1);

  /** What a scan found new: a readable perf.json (new or rewritten), or one that stays broken. */
  public record Change(PerfPoint point, boolean problem) {}

  private record Dir(FileTime modified, int depth, boolean racy) {}

  private record Known(
      FileTime modified, long size, PerfPoint point, Instant brokenSince, boolean reported) {}

  private final RootPath root;
  private final Map<Path, Dir> dirs = new HashMap<>();
  private final Map<Path, Known> files = new HashMap<>();
  private boolean primed;

  public PerfIndex(RootPath root) {
    this.root = root;
  }

  /**
   * Brings the index up to date.
   *
   * @return what changed since the last scan; nothing on the first scan, which only takes stock
   */
  public synchronized List<Change> refresh() {
    Instant now = Instant.now();
    List<Change> changes = new ArrayList<>();
    if (dirs.isEmpty()) {
      list(root.root(), 0, now, changes);
    }
    for (Map.Entry<Path, Dir> e : List.copyOf(dirs.entrySet())) {
      Path dir = e.getKey();
      if (!dirs.containsKey(dir)) {
        continue; // removed with a parent during this scan
      }
      FileTime m = modified(dir);
      if (m == null) {
        forget(dir);
      } else if (e.getValue().racy() || !m.equals(e.getValue().modified())) {
        list(dir, e.getValue().depth(), now, changes);
      }
    }
    for (Path file : List.copyOf(files.keySet())) {
      check(file, now, changes);
    }
    boolean first = !primed;
    primed = true;
    return first ? List.of() : changes;
  }

  /**
   * The newest {@code limit} perf.json files (by modification time), oldest first by timestamp, as
   * of the last scan.
   */
  public synchronized List<PerfPoint> newest(int limit) {
    List<Map.Entry<Path, Known>> all = new ArrayList<>(files.entrySet());
    all.sort(
        Comparator.comparing((Map.Entry<Path, Known> e) -> e.getValue().modified())
            .thenComparing(e -> e.getKey().toString())
            .reversed());
    List<PerfPoint> out = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, all.size()); i++) {
      out.add(all.get(i).getValue().point());
    }
    out.sort(
        Comparator.comparing(PerfPoint::timestamp, Comparator.nullsFirst(String::compareTo))
            .thenComparing(PerfPoint::path));
    return out;
  }

  /** perf.json files known. */
  public synchronized int size() {
    return files.size();
  }

  private void list(Path dir, int depth, Instant now, List<Change> changes) {
    FileTime m = modified(dir);
    if (m == null) {
      forget(dir);
      return;
    }
    boolean racy = Duration.between(m.toInstant(), now).compareTo(RACY) < 0;
    dirs.put(dir, new Dir(m, depth, racy));
    try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
      for (Path child : children) {
        String name = child.getFileName().toString();
        BasicFileAttributes a;
        try {
          a = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException gone) {
          continue;
        }
        if (a.isDirectory() && !name.startsWith(".") && depth < MAX_DEPTH) {
          if (!dirs.containsKey(child)) {
            list(child, depth + 1, now, changes);
          }
        } else if (a.isRegularFile() && name.equals(PerfFile.NAME) && !files.containsKey(child)) {
          check(child, now, changes);
        }
      }
    } catch (IOException e) {
      // unreadable or just removed: the next scan sees
    }
  }

  private void check(Path file, Instant now, List<Change> changes) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      files.remove(file);
      return;
    }
    if (!a.isRegularFile()) {
      files.remove(file);
      return;
    }
    Known before = files.get(file);
    boolean same =
        before != null
            && before.modified().equals(a.lastModifiedTime())
            && before.size() == a.size();
    if (same && before.brokenSince() == null) {
      return;
    }
    if (same) { // broken and unchanged: report once it has settled
      if (!before.reported()
          && Duration.between(before.brokenSince(), now).compareTo(SETTLE) >= 0) {
        files.put(
            file,
            new Known(
                before.modified(), before.size(), before.point(), before.brokenSince(), true));
        changes.add(new Change(before.point(), true));
      }
      return;
    }
    String rel = root.relative(file);
    String folder = root.relative(file.getParent());
    String modified = a.lastModifiedTime().toInstant().toString();
    try {
      PerfPoint p =
          PerfPoint.of(
              rel,
              folder,
              modified,
              PerfFile.read(file),
              RunSummaries.verdict(root, file.getParent()));
      files.put(file, new Known(a.lastModifiedTime(), a.size(), p, null, false));
      changes.add(new Change(p, false));
    } catch (NoSuchFileException gone) {
      files.remove(file);
    } catch (IOException e) {
      PerfPoint p = PerfPoint.unreadable(rel, folder, modified, Problems.oneLine(e, file));
      Instant since = before != null && before.brokenSince() != null ? before.brokenSince() : now;
      // broken before the first scan finished: already there when the server started, not news
      files.put(file, new Known(a.lastModifiedTime(), a.size(), p, since, !primed));
    }
  }

  private void forget(Path dir) {
    dirs.keySet().removeIf(d -> d.startsWith(dir));
    files.keySet().removeIf(f -> f.startsWith(dir));
  }

  /** A folder's modification time; null when it is gone or no longer a folder. */
  private static FileTime modified(Path dir) {
    try {
      BasicFileAttributes a =
          Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return a.isDirectory() ? a.lastModifiedTime() : null;
    } catch (IOException e) {
      return null;
    }
  }
}
