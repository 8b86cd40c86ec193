package dev.mtbsync.render;

import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.artefacts.RunJson;
import dev.mtbsync.artefacts.TimewarpJson;
import dev.mtbsync.camera.CameraDifference;
import dev.mtbsync.markers.MarkerCsv;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.runs.TimewarpFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a sync run folder gives the renderer: both videos ({@code run.json}), the warp ({@code
 * timewarp.json}) and the carried markers ({@code new_markers.csv}, optional).
 *
 * @param refVideo the reference video
 * @param newVideo the new run's video
 * @param warp new-run time (s) to reference time (s)
 * @param markers the transferred markers; empty when the run has none
 * @param camera the pair's camera difference (timewarp.json's {@code camera} block): where the
 *     overlay layout starts registering one picture onto the other; {@link CameraDifference#NONE}
 *     when the sync recorded none
 */
public record RenderInputs(
    Path refVideo,
    Path newVideo,
    MonotoneWarp warp,
    List<NewMarker> markers,
    CameraDifference camera) {

  public RenderInputs {
    markers = List.copyOf(markers);
    camera = camera == null ? CameraDifference.NONE : camera;
  }

  /**
   * Reads a run folder written by {@code sync}.
   *
   * @throws RenderInputException naming the file and the problem when the folder is not a run, has
   *     no usable warp, or a video it names is missing
   * @throws IOException when new_markers.csv is there but malformed
   */
  public static RenderInputs read(Path runDir) throws IOException {
    if (!Files.isDirectory(runDir)) {
      throw new RenderInputException(runDir, "not a folder (give a sync run folder)");
    }
    Path runJson = runDir.resolve(RunJson.NAME);
    if (!Files.isRegularFile(runJson)) {
      throw new RenderInputException(runDir, "not a sync run folder (no run.json)");
    }
    RunJson.Inputs inputs;
    try {
      inputs = RunJson.read(runJson).inputs();
    } catch (IOException e) {
      throw new RenderInputException(runJson, problem(runJson, e), e);
    }
    Path ref = video(runJson, inputs.reference(), "reference");
    Path neu = video(runJson, inputs.neu(), "new");
    Path timewarp = runDir.resolve(TimewarpJson.NAME);
    if (!Files.isRegularFile(timewarp)) {
      throw new RenderInputException(runDir, "has no timewarp.json (the sync did not finish)");
    }
    MonotoneWarp warp;
    CameraDifference camera;
    try {
      TimewarpJson tw = TimewarpJson.readGiven(timewarp);
      warp = tw.warp(timewarp);
      camera = TimewarpFile.camera(tw);
    } catch (IOException e) {
      throw new RenderInputException(timewarp, problem(timewarp, e), e);
    }
    Path markersCsv = runDir.resolve("new_markers.csv");
    List<NewMarker> markers =
        Files.isRegularFile(markersCsv) ? MarkerCsv.readNew(markersCsv) : List.of();
    return new RenderInputs(ref, neu, warp, markers, camera);
  }

  private static Path video(Path runJson, RunJson.Video input, String which) throws IOException {
    if (input == null || input.path() == null || input.path().isBlank()) {
      throw new RenderInputException(
          runJson, "names no " + which + " video (inputs." + which + ")");
    }
    Path video = Path.of(input.path());
    if (!Files.isRegularFile(video)) {
      throw new RenderInputException(
          runJson, "names the " + which + " video " + video + ", which is not there any more");
    }
    return video;
  }

  /** The reader's message without the file name it starts with (ours adds it). */
  private static String problem(Path file, IOException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String prefix = file + ": ";
    return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
  }
}
