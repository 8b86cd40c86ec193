package dev.mtbsync.server.uploads;

import dev.mtbsync.runs.RunFolders;
import dev.mtbsync.server.files.RootPath;
import dev.mtbsync.server.pages.UploadPage;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What the upload page offers to sync against: the root's videos, then its runs. */
final class References {

  /** How deep the root is searched for reference videos. */
  static final int DEPTH = 4;

  private References() {}

  static List<UploadPage.Reference> of(RootPath root) throws IOException {
    List<UploadPage.Reference> videos = new ArrayList<>();
    List<UploadPage.Reference> runs = new ArrayList<>();
    Path top = root.root();
    try (Stream<Path> walk = Files.walk(top, DEPTH, new FileVisitOption[0])) {
      for (Path p : walk.sorted().toList()) {
        String rel = root.relative(p);
        if (p.equals(top) || hidden(rel) || !root.has(p) && !Files.isDirectory(p)) {
          continue;
        }
        String name = p.getFileName().toString();
        if (Files.isRegularFile(p)
            && UploadPlan.VIDEO_EXTENSIONS.contains(UploadPlan.extension(name))
            && !rel.startsWith("uploads/")) {
          videos.add(new UploadPage.Reference(rel, rel));
        } else if (Files.isDirectory(p) && RunFolders.isRun(p)) {
          runs.add(new UploadPage.Reference(rel, "run " + rel + " (its reference)"));
        }
      }
    }
    videos.addAll(runs);
    return videos;
  }

  private static boolean hidden(String rel) {
    for (String part : rel.split("/")) {
      if (part.startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
