package dev.mtbsync.server.artefacts;

import dev.mtbsync.artefacts.RunJson;
import dev.mtbsync.artefacts.TimewarpJson;
import dev.mtbsync.runs.PerfFile;
import dev.mtbsync.runs.RunFolders;
import dev.mtbsync.runs.RunFolders.RunFolder;
import dev.mtbsync.server.files.RootPath;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the run folders of a root into {@link RunSummary}s; an unreadable artefact is a warning.
 */
public final class RunSummaries {

  public static final String TIMEWARP = TimewarpJson.NAME;
  public static final String RUN = RunJson.NAME;

  private RunSummaries() {}

  /** The newest {@code limit} runs (all when null), newest first. */
  public static List<RunSummary> list(RootPath root, Integer limit) throws IOException {
    List<RunFolder> folders = discover(root);
    if (limit != null && folders.size() > limit) {
      folders = folders.subList(0, limit);
    }
    List<RunSummary> out = new ArrayList<>();
    for (RunFolder f : folders) {
      out.add(read(root, f.dir(), f.modified()));
    }
    return out;
  }

  /** Runs under the root in total (the runs list may show fewer). */
  public static int count(RootPath root) throws IOException {
    return discover(root).size();
  }

  /**
   * The root's run folders. A folder renamed while the root is listed (a sync moving its finished
   * run into place, a prune) makes the listing fail; it is simply listed again.
   */
  private static List<RunFolder> discover(RootPath root) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return RunFolders.discover(root.root(), null);
      } catch (NoSuchFileException e) {
        if (attempt == 5 || !Files.isDirectory(root.root())) {
          throw e;
        }
      }
    }
  }

  /** One run folder; never throws for a bad artefact. */
  public static RunSummary read(RootPath root, Path dir) throws IOException {
    return read(root, dir, Files.getLastModifiedTime(dir));
  }

  private static RunSummary read(RootPath root, Path dir, FileTime modified) {
    List<String> warnings = new ArrayList<>();
    Boolean ok = null;
    Double p90 = null;
    Double ppm = null;
    Double inlier = null;
    Integer nPairs = null;
    List<String> reasons = new ArrayList<>();
    boolean fitted = false;
    TimewarpJson warp = readIfThere(root, dir.resolve(TIMEWARP), TimewarpJson::read, warnings);
    if (warp != null) {
      ok = warp.ok();
      p90 = warp.residuals().p90();
      ppm = warp.ppm();
      inlier = warp.inlierFrac();
      nPairs = warp.nPairs();
      reasons.addAll(warp.reasons());
      fitted = warp.fitted();
    }
    String finished = null;
    String newVideo = null;
    String reference = null;
    String referenceKey = null;
    List<String> problems = new ArrayList<>();
    RunJson run = readIfThere(root, dir.resolve(RUN), RunJson::read, warnings);
    if (run != null) {
      // timewarp.json is the warp's verdict (pins may have repaired it since); run.json speaks
      // when there is no warp
      ok = warp == null ? run.ok() : ok;
      problems.addAll(run.problems());
      finished = run.finished();
      RunJson.Video neu = run.inputs().neu();
      newVideo = neu == null ? null : fileName(neu.file());
      RunJson.Video ref = run.inputs().reference();
      reference = ref == null ? null : fileName(ref.file());
      referenceKey = ref == null ? null : ref.key();
    }
    Double total = null;
    Path perf = dir.resolve(PerfFile.NAME);
    try {
      Optional<Path> there = root.artefact(perf);
      if (there.isPresent()) {
        PerfFile.Entry e = PerfFile.read(there.get());
        total = e.figures().get("total_sec");
        finished = finished == null ? e.timestamp() : finished;
      }
    } catch (IOException e) {
      warnings.add(root.relative(perf) + ": " + Problems.oneLine(e, perf));
    }
    return new RunSummary(
        root.relative(dir),
        modified.toInstant().toString(),
        finished,
        ok,
        p90,
        ppm,
        inlier,
        nPairs,
        newVideo,
        reference,
        referenceKey,
        total,
        markerFiles(root, dir),
        List.copyOf(reasons),
        List.copyOf(fitted || problems.isEmpty() ? reasons : problems),
        fitted,
        Lap.of(SplitsView.read(root, dir)),
        List.copyOf(warnings));
  }

  /** The last part of a path as run.json records it, null for none. */
  private static String fileName(Path path) {
    Path name = path == null ? null : path.getFileName();
    return name == null ? null : name.toString();
  }

  /**
   * A folder's verdict as the runs list gives it: timewarp.json's {@code ok}, else run.json's; null
   * when neither says (not a run, or unreadable).
   */
  public static Boolean verdict(RootPath root, Path dir) {
    List<String> ignored = new ArrayList<>();
    TimewarpJson warp = readIfThere(root, dir.resolve(TIMEWARP), TimewarpJson::read, ignored);
    if (warp != null) {
      return warp.ok();
    }
    RunJson run = readIfThere(root, dir.resolve(RUN), RunJson::read, ignored);
    return run == null ? null : run.ok();
  }

  /** A file's name as a run's page shows it: its path under the run folder. */
  public static String inRun(String runId, String path) {
    return path.startsWith(runId + "/") ? path.substring(runId.length() + 1) : path;
  }

  /** The {@code new_markers*.csv} of a run folder, as paths under the root, sorted. */
  public static List<String> markerFiles(RootPath root, Path dir) {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "new_markers*.csv")) {
      for (Path p : s) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          out.add(root.relative(p));
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    out.sort(null);
    return out;
  }

  /** Reads one artefact file into its record. */
  private interface Reader<T> {
    T read(Path file) throws IOException;
  }

  /** A JSON artefact of the run, through the root's checked path; null when it is not there. */
  private static <T> T readIfThere(
      RootPath root, Path file, Reader<T> reader, List<String> warnings) {
    try {
      Optional<Path> there = root.artefact(file);
      return there.isPresent() ? reader.read(there.get()) : null;
    } catch (IOException e) {
      warnings.add(root.relative(file) + ": " + Problems.oneLine(e, file));
      return null;
    }
  }
}
