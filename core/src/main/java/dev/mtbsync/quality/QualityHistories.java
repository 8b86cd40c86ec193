package dev.mtbsync.quality;

import dev.mtbsync.runs.RunFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The quality histories under a batch root, found the way the dashboard finds runs.
 *
 * <p>{@code sync --out ROOT/pairA} puts its run at {@code ROOT/pairA/<run>} and its history beside
 * it, at {@code ROOT/pairA/quality_history.json}: a history lives in the folder that holds run
 * folders. So the runs are discovered at any depth ({@link RunFolders#discover}, no link followed)
 * and each folder holding one is asked for its history, the root's own included.
 *
 * <p>DESIGN NOTE: the newest run is judged against the runs before it in <em>its own</em> history,
 * never against a merge of all of them: sub-folders usually hold different trails or cameras, whose
 * P90 and ppm are not one population. The newest history is the one written last (every append
 * replaces the file), which holds the newest run of the root.
 */
public final class QualityHistories {

  /**
   * One history.
   *
   * @param file its {@code quality_history.json}
   * @param prefix the folder's path under the root with a trailing {@code /} ({@code pairA/}),
   *     empty for the root's own
   * @param loaded its records, each run id made a path under the root ({@code pairA/RUN}) as the
   *     dashboard and {@code benchmark-quality} name runs
   */
  public record Found(Path file, String prefix, QualityHistory.Loaded loaded) {}

  private QualityHistories() {}

  /**
   * Every history under {@code root}: its own first, then those of sub-folders holding runs (by
   * path). A missing root or one without any is an empty list.
   */
  public static List<Found> under(Path root) throws IOException {
    Set<Path> dirs = new LinkedHashSet<>();
    dirs.add(root);
    if (Files.isDirectory(root)) {
      List<Path> nested = new ArrayList<>();
      for (RunFolders.RunFolder run : RunFolders.discover(root, null)) {
        Path holder = run.dir().getParent();
        if (holder != null && !holder.equals(root) && !nested.contains(holder)) {
          nested.add(holder);
        }
      }
      nested.sort(Path::compareTo);
      dirs.addAll(nested);
    }
    List<Found> out = new ArrayList<>();
    for (Path dir : dirs) {
      Path file = QualityHistory.file(dir);
      // a history that is a link is not followed: it could lead out of the root
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)
          || (!dir.equals(root) && Files.isSymbolicLink(file))) {
        continue;
      }
      String prefix = dir.equals(root) ? "" : RunFolders.idOf(root, dir) + "/";
      out.add(new Found(file, prefix, prefixed(QualityHistory.read(dir), prefix)));
    }
    return out;
  }

  /**
   * The history holding the root's newest run: the one written last (by modification time, then
   * path). Unreadable histories are passed over while a readable one exists.
   *
   * @return null when there is no history under the root
   */
  public static Found newest(Path root) throws IOException {
    Found best = null;
    FileTime bestTime = null;
    for (Found f : under(root)) {
      boolean usable = !f.loaded().unreadable() && !f.loaded().records().isEmpty();
      boolean bestUsable =
          best != null && !best.loaded().unreadable() && !best.loaded().records().isEmpty();
      FileTime t = Files.getLastModifiedTime(f.file(), LinkOption.NOFOLLOW_LINKS);
      if (best == null
          || (usable && !bestUsable)
          || (usable == bestUsable && t.compareTo(bestTime) > 0)) {
        best = f;
        bestTime = t;
      }
    }
    return best;
  }

  private static QualityHistory.Loaded prefixed(QualityHistory.Loaded h, String prefix) {
    if (prefix.isEmpty()) {
      return h;
    }
    return new QualityHistory.Loaded(
        h.records().stream().map(r -> r.withRunId(prefix + r.runId())).toList(),
        h.problems(),
        h.unreadable());
  }
}
