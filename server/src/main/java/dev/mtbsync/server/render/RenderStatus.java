package dev.mtbsync.server.render;

/**
 * Where a dashboard render stands, as the {@code render} events and {@code GET /api/render} carry
 * it (snake_case in JSON).
 *
 * @param state {@code idle}, {@code running}, {@code done}, {@code failed} or {@code cancelled}
 * @param run the run id rendered, null when idle
 * @param layout the layout's name ({@code side-by-side}, {@code stacked}, {@code pip}, {@code
 *     overlay})
 * @param follow {@code new} or {@code reference}
 * @param file the video's path relative to the root (for {@code /api/files/}): where it is being
 *     written, there to play once {@code done}; null after a failure or a cancel
 * @param done frames written so far
 * @param total frames the video will have, null when not known
 * @param videoSec the finished video's length (s), null until done
 * @param wallSec how long the render took (s), null until done
 * @param error what went wrong, one line; null unless {@code failed}
 */
public record RenderStatus(
    String state,
    String run,
    String layout,
    String follow,
    String file,
    long done,
    Long total,
    Double videoSec,
    Double wallSec,
    String error) {

  static final RenderStatus IDLE =
      new RenderStatus("idle", null, null, null, null, 0, null, null, null, null);

  static RenderStatus started(String run, String layout, String follow, String file) {
    return new RenderStatus("running", run, layout, follow, file, 0, null, null, null, null);
  }

  /** Whether a render is under way. */
  public boolean running() {
    return state.equals("running");
  }

  RenderStatus progress(long frames, long totalFrames) {
    return new RenderStatus(
        "running",
        run,
        layout,
        follow,
        file,
        frames,
        totalFrames < 0 ? null : totalFrames,
        null,
        null,
        null);
  }

  RenderStatus done(long frames, double video, double wall) {
    return new RenderStatus("done", run, layout, follow, file, frames, frames, video, wall, null);
  }

  RenderStatus cancelled() {
    return new RenderStatus("cancelled", run, layout, follow, null, done, total, null, null, null);
  }

  RenderStatus failed(String why) {
    return new RenderStatus("failed", run, layout, follow, null, done, total, null, null, why);
  }
}
