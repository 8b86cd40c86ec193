package dev.mtbsync.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.align.WarpQuality;
import dev.mtbsync.camera.CameraDifference;
import dev.mtbsync.camera.LensFit;
import dev.mtbsync.io.InputPaths;
import dev.mtbsync.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code timewarp.json}: the Python tool's fields ({@code ok, model, params.a/b, ppm, inlier_frac,
 * residuals}) plus the mapping itself, its valid range and the gates used.
 */
public final class TimewarpFile {

  public static final int SCHEMA_VERSION = 1;
  public static final String MODEL = "monotone_pchip";

  private TimewarpFile() {}

  /** Writes a fitted warp; {@code warp} may be null when no mapping could be fitted. */
  public static void write(
      Path file, MonotoneWarp warp, WarpQuality q, WarpConfig config, List<String> extraReasons)
      throws IOException {
    write(file, warp, q, config, extraReasons, Map.of());
  }

  /**
   * Writes a fitted warp with further blocks after the mapping (a sync adds {@code search} and,
   * with GPS, {@code gps}).
   */
  public static void write(
      Path file,
      MonotoneWarp warp,
      WarpQuality q,
      WarpConfig config,
      List<String> extraReasons,
      Map<String, Object> extra)
      throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema_version", SCHEMA_VERSION);
    List<String> reasons = new ArrayList<>(q == null ? List.of() : q.reasons());
    reasons.addAll(extraReasons);
    root.put("ok", warp != null && q != null && q.ok() && extraReasons.isEmpty());
    root.put("model", MODEL);
    root.put(
        "params",
        Map.of("a", q == null ? 1.0 : round(q.a(), 9), "b", q == null ? 0.0 : round(q.b(), 6)));
    root.put("ppm", q == null ? null : round(q.ppm(), 1));
    root.put("inlier_frac", q == null ? 0.0 : round(q.inlierFrac(), 4));
    Map<String, Object> residuals = new LinkedHashMap<>();
    residuals.put("mae", q == null ? null : round(q.mae(), 6));
    residuals.put("p50", q == null ? null : round(q.p50(), 6));
    residuals.put("p90", q == null ? null : round(q.p90(), 6));
    residuals.put("p95", q == null ? null : round(q.p95(), 6));
    root.put("residuals", residuals);
    root.put("n_pairs", q == null ? 0 : q.pairs());
    root.put("n_inliers", q == null ? 0 : q.inliers());
    root.put("valid_t_new", warp == null ? null : new double[] {warp.validFrom(), warp.validTo()});
    Map<String, Object> gates = new LinkedHashMap<>();
    gates.put("min_inlier_frac", config.minInlierFrac());
    gates.put("max_p90_sec", config.maxP90Sec());
    gates.put("max_ppm", config.maxPpm());
    gates.put("inlier_thresh_sec", config.inlierThreshSec());
    gates.put("window_sec", config.windowSec());
    root.put("gates", gates);
    root.put("reasons", reasons);
    if (warp != null) {
      Map<String, Object> mapping = new LinkedHashMap<>();
      mapping.put("t_new", roundAll(warp.tNew()));
      mapping.put("t_ref", roundAll(warp.tRef()));
      mapping.put("confidence", roundAll(warp.confidence()));
      if (warp.hasSigma()) {
        mapping.put("sigma_sec", roundAll(warp.sigma()));
      }
      root.put("mapping", mapping);
    }
    root.putAll(extra);
    Json.write(file, root);
  }

  /**
   * Reads the mapping of a timewarp.json.
   *
   * @throws IOException naming the file when it is missing, not JSON, or has no usable mapping
   */
  public static MonotoneWarp read(Path file) throws IOException {
    InputPaths.textFile(file);
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + ": not a timewarp JSON file (" + Json.problem(e) + ")", e);
    }
    JsonNode mapping = root.path("mapping");
    if (!mapping.isObject()) {
      throw new IOException(
          file
              + ": has no mapping"
              + (root.path("ok").asBoolean(true) ? "" : " (the sync failed: ok=false)"));
    }
    try {
      double[] tNew = array(mapping.path("t_new"));
      return mapping.has("sigma_sec")
          ? new MonotoneWarp(
              tNew,
              array(mapping.path("t_ref")),
              array(mapping.path("confidence")),
              array(mapping.path("sigma_sec")))
          : new MonotoneWarp(tNew, array(mapping.path("t_ref")), array(mapping.path("confidence")));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": invalid mapping (" + e.getMessage() + ")", e);
    }
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
    InputPaths.textFile(file);
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + ": not a timewarp JSON file (" + Json.problem(e) + ")", e);
    }
    JsonNode c = root.path("camera");
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
        lens(c));
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

  private static double[] array(JsonNode node) throws IOException {
    if (!node.isArray()) {
      throw new IllegalArgumentException("missing array");
    }
    double[] out = new double[node.size()];
    for (int i = 0; i < out.length; i++) {
      if (!node.get(i).isNumber()) {
        throw new IllegalArgumentException("non-numeric value at " + i);
      }
      out[i] = node.get(i).asDouble();
    }
    return out;
  }

  private static double round(double v, int digits) {
    double s = Math.pow(10, digits);
    return Math.round(v * s) / s;
  }

  private static double[] roundAll(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = round(v[i], 6);
    }
    return out;
  }
}
