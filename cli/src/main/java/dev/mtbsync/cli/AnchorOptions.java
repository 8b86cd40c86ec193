package dev.mtbsync.cli;

import dev.mtbsync.align.Anchor;
import dev.mtbsync.runs.AnchorsCsv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --anchors}: pins the warp must pass through, shared by {@code sync} and {@code warp}. */
final class AnchorOptions {

  @Option(
      names = "--anchors",
      paramLabel = "CSV",
      description =
          "Pins (t_new,t_ref,note: this moment of the new run is that moment of the reference):"
              + " the warp passes through each exactly; pins that run backwards are refused.",
      converter = PathKinds.InputFile.class)
  Path anchors;

  /** The pins read from --anchors, none without it. */
  List<Anchor> pins() throws IOException {
    return anchors == null ? List.of() : AnchorsCsv.read(anchors);
  }
}
