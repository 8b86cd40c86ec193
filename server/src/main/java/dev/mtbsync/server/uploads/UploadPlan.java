package dev.mtbsync.server.uploads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mtbsync.io.ArtefactJson;
import dev.mtbsync.server.files.RootPath;
import dev.mtbsync.server.site.DashboardContext;
import dev.mtbsync.video.FileSignature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an upload will be synced against and where it will land, decided from its tus metadata
 * before a byte is stored.
 *
 * @param filename the upload's file name as the rider's device named it, made safe
 * @param reference the reference video (under the root, or a run's verified reference)
 * @param refMarkers the reference's markers CSV, or null
 * @param index the id of an earlier upload holding this file's index box, sent ahead; or null
 */
record UploadPlan(String filename, Path reference, Path refMarkers, String index) {

  /** What an upload may be named: the containers FFmpeg reads and riders' cameras write. */
  static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "m4v", "mov", "mkv", "webm");

  /**
   * @param metadata the decoded {@code Upload-Metadata}
   * @throws IllegalArgumentException naming the missing or unusable field
   * @throws NoSuchFileException when the reference is not there
   */
  static UploadPlan of(Map<String, String> metadata, DashboardContext site) throws IOException {
    String filename = safeName(metadata.get("filename"));
    String ref = metadata.get("reference");
    if (ref == null || ref.isBlank()) {
      throw new IllegalArgumentException(
          "no reference given (metadata 'reference': a video or run under the root)");
    }
    RootPath root = site.root();
    Path reference;
    Path markers;
    if (isRun(root, ref)) {
      reference = site.media().video(root, ref, "ref", null);
      markers = runMarkers(root, ref);
    } else {
      reference = root.existingFile(ref);
      if (!VIDEO_EXTENSIONS.contains(extension(reference.getFileName().toString()))) {
        throw new IllegalArgumentException(ref + ": the reference is not a video or a run");
      }
      markers = sidecarMarkers(root, reference);
    }
    String index = metadata.get("index");
    return new UploadPlan(
        filename, reference, markers, index == null || index.isBlank() ? null : index);
  }

  /** The file name's last part, reduced to letters, digits, {@code . _ -}; a video's. */
  static String safeName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("no filename given (metadata 'filename')");
    }
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    base = base.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "");
    if (base.length() > 120) {
      base = base.substring(base.length() - 120);
    }
    if (!VIDEO_EXTENSIONS.contains(extension(base))) {
      throw new IllegalArgumentException(
          name
              + ": not a video file name ("
              + String.join(", ", VIDEO_EXTENSIONS.stream().sorted().toList())
              + ")");
    }
    return base;
  }

  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static boolean isRun(RootPath root, String ref) {
    try {
      root.runDir(ref);
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The markers a run carried over, named in its run.json, while the file is still the one that run
   * read (same signature): the same trust as the run's videos get.
   */
  private static Path runMarkers(RootPath root, String runId) throws IOException {
    Path runJson = root.inRoot(root.runDir(runId).resolve("run.json"));
    JsonNode sig = ArtefactJson.readObject(runJson).path("inputs").path("ref_markers");
    if (!sig.path("path").isTextual()) {
      return null;
    }
    Path csv = Path.of(sig.path("path").asText());
    if (!Files.isRegularFile(csv)) {
      return null;
    }
    FileSignature now = FileSignature.of(csv);
    return now.sizeBytes() == sig.path("size_bytes").asLong(-1)
            && now.sha256FirstMib().equals(sig.path("sha256_first_mib").asText())
        ? csv
        : null;
  }

  /** {@code ref.mp4}'s markers: {@code ref_markers.csv} (as synth writes), else {@code ref.csv}. */
  private static Path sidecarMarkers(RootPath root, Path video) throws IOException {
    String name = video.getFileName().toString();
    String stem = name.substring(0, name.lastIndexOf('.'));
    for (String candidate : new String[] {stem + "_markers.csv", stem + ".csv"}) {
      var found = root.artefact(video.resolveSibling(candidate));
      if (found.isPresent()) {
        return found.get();
      }
    }
    return null;
  }

  /** Where the finished upload lands: {@code uploads/STEM-ID8.EXT} under the root. */
  Path target(RootPath root, String uploadId) throws IOException {
    String stem = filename.substring(0, filename.lastIndexOf('.'));
    String ext = filename.substring(filename.lastIndexOf('.'));
    String tag = uploadId.replace("-", "");
    tag = tag.substring(0, Math.min(8, tag.length()));
    return root.resolve("uploads/" + stem + "-" + tag + ext);
  }
}
