package dev.mtbsync.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.align.WarpQuality;
import dev.mtbsync.artefacts.TimewarpJson;
import dev.mtbsync.camera.CameraDifference;
import dev.mtbsync.camera.LensFit;
import dev.mtbsync.io.ArtefactJson;
import dev.mtbsync.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code timewarp.json} as the pipeline and the commands meet it: a fit written, a mapping or a
 * camera difference read back. The file's fields are defined once, in {@link TimewarpJson}.
 */
public final class TimewarpFile {

  /** The blocks after the mapping, as {@link TimewarpJson} names them. */
  private static final List<String> BLOCKS = List.of("search", "camera", "gps", "anchors");

  private TimewarpFile() {}

  /** Writes a fitted warp; {@code warp} may be null when no mapping could be fitted. */
  public static void write(
      Path file, MonotoneWarp warp, WarpQuality q, WarpConfig config, List<String> extraReasons)
      throws IOException {
    TimewarpJson.of(warp, q, config, extraReasons).write(file);
  }

  /**
   * Writes a fitted warp with blocks after the mapping given as their own JSON form (a {@code
   * camera} from {@link CameraDifference#toJson}): each is bound to its field of {@link
   * TimewarpJson}; a name the file does not define is refused.
   */
  public static void write(
      Path file,
      MonotoneWarp warp,
      WarpQuality q,
      WarpConfig config,
      List<String> extraReasons,
      Map<String, ?> blocks)
      throws IOException {
    ObjectNode tree = Json.MAPPER.valueToTree(TimewarpJson.of(warp, q, config, extraReasons));
    for (Map.Entry<String, ?> b : blocks.entrySet()) {
      if (tree.has(b.getKey()) || !BLOCKS.contains(b.getKey())) {
        throw new IllegalArgumentException("timewarp.json has no block '" + b.getKey() + "'");
      }
      tree.set(b.getKey(), Json.MAPPER.valueToTree(b.getValue()));
    }
    ArtefactJson.bind(file, tree, TimewarpJson.class).write(file);
  }

  /**
   * Reads the mapping of a timewarp.json.
   *
   * @throws IOException naming the file when it is missing, not JSON, or has no usable mapping
   */
  public static MonotoneWarp read(Path file) throws IOException {
    return TimewarpJson.readGiven(file).warp(file);
  }

  /**
   * The {@code camera} block of a timewarp.json (the pair's camera difference, see {@link
   * CameraDifference#toJson}).
   *
   * @return the difference, or {@link CameraDifference#NONE} when the file has no usable block
   *     (older runs, a sync that matched no moment): the camera is an aid, never a reason to fail
   * @throws IOException naming the file when it is missing or not JSON
   */
  public static CameraDifference readCamera(Path file) throws IOException {
    return camera(TimewarpJson.readGiven(file));
  }

  /** The camera block of a read timewarp.json, as {@link #readCamera}. */
  public static CameraDifference camera(TimewarpJson tw) {
    JsonNode c = tw.camera() == null ? MissingNode.getInstance() : tw.camera();
    double zoom = c.path("zoom").asDouble(Double.NaN);
    if (!c.isObject() || !c.path("zoom").isNumber() || !(zoom > 0)) {
      return CameraDifference.NONE;
    }
    JsonNode iqr = c.path("zoom_iqr");
    JsonNode shift = c.path("shift");
    return new CameraDifference(
        zoom,
        iqr.path(0).asDouble(zoom),
        iqr.path(1).asDouble(zoom),
        c.path("roll_deg").isNumber() ? c.path("roll_deg").asDouble() : 0,
        shift.path(0).isNumber() ? shift.path(0).asDouble() : 0,
        shift.path(1).isNumber() ? shift.path(1).asDouble() : 0,
        c.path("moments").asInt(0),
        c.path("source").asText("estimated"),
        lens(c),
        framing(c.path("coarse_framing")),
        c.path("zoom_timed").asBoolean(false));
  }

  /** The coarse pass's framing {width, height}; null where the block has none (whole pictures). */
  private static double[] framing(JsonNode f) {
    return f.path(0).isNumber() && f.path(1).isNumber()
        ? new double[] {f.path(0).asDouble(), f.path(1).asDouble()}
        : null;
  }

  /** The lens entries of a camera block; {@link LensFit#none} where there are none. */
  private static LensFit lens(JsonNode c) {
    if (!c.path("lens_k_found").isNumber()) {
      return LensFit.none(c.path("lens_views").asInt(0));
    }
    JsonNode fit = c.path("lens_fit_px");
    return new LensFit(
        c.path("lens_k").asDouble(0),
        c.path("lens_k_found").asDouble(),
        fit.path(0).asDouble(Double.NaN),
        fit.path(1).asDouble(Double.NaN),
        c.path("lens_views").asInt(0),
        0,
        c.path("lens").asText("").equals("differs"),
        c.path("lens_telemetry").isTextual() ? c.path("lens_telemetry").asText() : null);
  }
}
