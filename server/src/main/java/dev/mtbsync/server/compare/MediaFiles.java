package dev.mtbsync.server.compare;

import dev.mtbsync.artefacts.RunJson;
import dev.mtbsync.server.artefacts.RunSummaries;
import dev.mtbsync.server.files.OutsideRootException;
import dev.mtbsync.server.files.RootPath;
import dev.mtbsync.video.FfmpegFrameSource;
import dev.mtbsync.video.FileSignature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The videos the compare page plays. They usually live outside the root (the root holds the runs,
 * not the footage), so they are the one exception to "nothing outside the root": a session's videos
 * are the ones named on the command line; a run's are the ones its run.json names, and only while
 * the file is still the one the sync read.
 *
 * <p>DESIGN NOTE: run.json is a file in the root, which anyone able to write there could forge to
 * name any file. So a run's video is served only if it has a video extension and its size and the
 * SHA-256 of its first MiB still equal the signature run.json recorded when the sync read it: a
 * forged run.json would have to carry the hash of the very file it wants to expose. The check is
 * remembered per file, size and modification time.
 */
public final class MediaFiles {

  static final Set<String> VIDEO_EXTENSIONS =
      Set.of("mp4", "m4v", "mov", "mkv", "webm", "avi", "mts", "m2ts");

  private final Map<String, Boolean> verified = new ConcurrentHashMap<>();
  private final Map<String, Double> rates = new ConcurrentHashMap<>();

  /**
   * The nominal frame rate of a video {@link #video} serves (frames a second, as its container
   * states it), or null when it cannot be served or read: the compare page steps by its frames, and
   * a pin on it is exact to half of one.
   */
  public Double fps(RootPath root, String runId, String role, CompareInputs session) {
    try {
      Path video = video(root, runId, role, session);
      if (video == null) {
        return null;
      }
      String key =
          video + "|" + Files.size(video) + "|" + Files.getLastModifiedTime(video).toMillis();
      Double fps = rates.get(key);
      if (fps == null) {
        fps = probe(video);
        if (rates.size() > 1000) {
          rates.clear();
        }
        rates.put(key, fps);
      }
      return fps > 0 && fps <= 1000 ? fps : null;
    } catch (IOException | RuntimeException e) {
      return null; // the page steps by 1/30 s, and says it does not know the rate
    }
  }

  /** The container's frame rate, or -1 when the file does not open as a video (remembered too). */
  private static double probe(Path video) {
    try (FfmpegFrameSource src = FfmpegFrameSource.open(video)) {
      return src.info().fps();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * @param role {@code ref} or {@code new}
   * @param runId a run of the root, or null for the session's videos
   * @param session the compare-ui session, or null
   */
  public Path video(RootPath root, String runId, String role, CompareInputs session)
      throws IOException {
    boolean ref = role.equals("ref");
    if (!ref && !role.equals("new")) {
      throw new IllegalArgumentException("role must be ref or new, got '" + role + "'");
    }
    if (runId == null || runId.isBlank()) {
      if (session == null) {
        throw new IllegalArgumentException("no run given (and no compare session)");
      }
      return ref ? session.refVideo() : session.newVideo();
    }
    Path runJson = root.inRoot(root.runDir(runId).resolve(RunSummaries.RUN));
    RunJson.Inputs inputs = RunJson.read(runJson).inputs();
    RunJson.Video sig = ref ? inputs.reference() : inputs.neu();
    if (sig == null || sig.path() == null) {
      throw new NoSuchFileException(runId + "/run.json names no " + role + " video");
    }
    Path video = sig.file();
    if (video == null) {
      throw new NoSuchFileException(runId + "/run.json names no usable " + role + " video path");
    }
    if (video.getFileName() == null) {
      throw new NoSuchFileException(runId + "/run.json names no " + role + " video file");
    }
    String name = video.getFileName().toString();
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    if (!VIDEO_EXTENSIONS.contains(ext)) {
      throw new OutsideRootException(name, "not a video");
    }
    if (!Files.isRegularFile(video)) {
      throw new NoSuchFileException(video.toString(), null, "the " + role + " video has moved");
    }
    String key =
        video + "|" + Files.size(video) + "|" + Files.getLastModifiedTime(video).toMillis();
    Boolean ok = verified.get(key);
    if (ok == null) {
      FileSignature now = FileSignature.of(video);
      ok =
          sig.sizeBytes() != null
              && now.sizeBytes() == sig.sizeBytes()
              && now.sha256FirstMib().equals(sig.sha256FirstMib());
      if (verified.size() > 1000) {
        verified.clear(); // a cache of checks, not a record: a long-lived server stays small
      }
      verified.put(key, ok);
    }
    if (!ok) {
      throw new OutsideRootException(name, "no longer the video this run was synced from");
    }
    return video;
  }
}
