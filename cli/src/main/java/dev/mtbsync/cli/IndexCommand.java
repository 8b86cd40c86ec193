package dev.mtbsync.cli;

import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.features.ReferenceIndex;
import dev.mtbsync.features.ScannedVideo;
import dev.mtbsync.features.VideoScanner;
import dev.mtbsync.runs.SyncableVideo;
import dev.mtbsync.video.FileSignature;
import dev.mtbsync.video.VideoLength;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mtbsync index}: analyses the reference once, for many syncs. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Analyse a reference once and save it, for many syncs.",
      "",
      "Decodes the reference, keeps ORB keypoints and descriptors plus a global signature of"
          + " frames sampled by presentation time, and writes them with the settings used and"
          + " the video's signature. sync --index refuses an index of another video or other"
          + " settings."
    },
    footer = {"", "Example:", "  mtbsync index --reference ref.mp4 --out ref_index.mtbidx"})
final class IndexCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(
      names = "--reference",
      required = true,
      paramLabel = "VIDEO",
      description = "Reference run.",
      converter = PathKinds.InputFile.class)
  Path reference;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Index file to write.",
      converter = PathKinds.OutputFile.class)
  Path out;

  @Option(
      names = "--fps",
      defaultValue = "10",
      description =
          "Frames per second analysed (default: ${DEFAULT-VALUE}; sync must use the same).")
  double fps;

  @Option(names = "--clahe", description = "Equalise contrast (CLAHE) before ORB.")
  boolean clahe;

  @Override
  public Integer call() throws Exception {
    OrbConfig params =
        UsageException.flagged(
            Map.of("fps", "--fps"),
            () ->
                new OrbConfig(
                        fps, OrbConfig.DEFAULT.maxWidth(), OrbConfig.DEFAULT.keypoints(), clahe)
                    .validate());
    long start = System.nanoTime();
    ScannedVideo video;
    try (ConsoleProgress progress =
        ConsoleProgress.forTerminal(spec.commandLine().getErr(), common.quiet)) {
      SyncableVideo.probe(reference);
      video =
          new VideoScanner(params).scan(reference, progress, "index " + reference.getFileName());
    }
    VideoLength length = SyncableVideo.check(reference, video);
    ReferenceIndex.write(out, new ReferenceIndex.Entry(params, FileSignature.of(reference), video));
    if (length.truncated()) {
      spec.commandLine()
          .getErr()
          .println(
              "mtbsync: warning: "
                  + reference
                  + ": "
                  + length.truncation()
                  + " (indexed what decodes; markers past its end will not be carried over)");
    }
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "%s  %d frames, %d samples, %.1f MB, %.1f s%n",
            out,
            video.frames(),
            video.samples().size(),
            Files.size(out) / 1e6,
            (System.nanoTime() - start) / 1e9);
    return ExitCodes.OK;
  }
}
