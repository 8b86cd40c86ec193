package dev.mtbsync.render;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A run folder that cannot be rendered: not a sync run, no usable warp, a video it names is gone,
 * or a gate that is not there. The message is one line naming the file and the problem.
 */
public class RenderInputException extends IOException {

  public RenderInputException(Path file, String problem) {
    super(file + ": " + problem);
  }

  public RenderInputException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
