package dev.mtbsync.artefacts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.align.WarpQuality;
import dev.mtbsync.io.ArtefactJson;
import dev.mtbsync.io.InputPaths;
import dev.mtbsync.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code timewarp.json}, the one definition of its fields: the Python tool's ({@code ok, model,
 * params.a/b, ppm, inlier_frac, residuals}) plus the mapping itself, its valid range, the gates
 * used and the blocks a sync adds. Read with {@link #read}, written with {@link #write}; fields a
 * reader does not know are skipped and a mistyped one reads as null, so older and hand-edited files
 * still show what they hold.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION} for files written now
 * @param ok every gate passed (null when the file does not say)
 * @param model {@value #MODEL}
 * @param params the robust affine fit t_ref = a t_new + b
 * @param ppm (a - 1) x 1e6, null without a fit
 * @param inlierFrac share of pairs the warp kept (0 to 1)
 * @param residuals inlier pairs against the mapping (s)
 * @param nPairs pairs fitted
 * @param nInliers pairs kept
 * @param validTNew [first, last] new time the mapping covers (s), null without one
 * @param gates the thresholds the fit was judged by
 * @param reasons why {@code ok} is false
 * @param mapping the knots of the monotone cubic; absent when no warp was fitted
 * @param search how the sync searched (a sync's file only)
 * @param camera the pair's camera difference, as {@code camera.CameraDifference#toJson} writes it
 * @param gps the GPS block, as {@code gps.GpsSeed#toJson} writes it (with GPS only)
 * @param anchors the pins the warp passes through (a refit through pins only)
 */
@JsonPropertyOrder({
  "schema_version",
  "ok",
  "model",
  "params",
  "ppm",
  "inlier_frac",
  "residuals",
  "n_pairs",
  "n_inliers",
  "valid_t_new",
  "gates",
  "reasons",
  "mapping",
  "search",
  "camera",
  "gps",
  "anchors"
})
public record TimewarpJson(
    Integer schemaVersion,
    Boolean ok,
    String model,
    Params params,
    Double ppm,
    Double inlierFrac,
    Residuals residuals,
    Integer nPairs,
    Integer nInliers,
    @JsonProperty("valid_t_new") List<Double> validTNew,
    Gates gates,
    List<String> reasons,
    @JsonInclude(JsonInclude.Include.NON_NULL) Mapping mapping,
    @JsonInclude(JsonInclude.Include.NON_NULL) Search search,
    @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode camera,
    @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode gps,
    @JsonInclude(JsonInclude.Include.NON_NULL) Anchors anchors) {

  public static final String NAME = "timewarp.json";
  public static final int SCHEMA_VERSION = 1;
  public static final String MODEL = "monotone_pchip";

  public TimewarpJson {
    reasons = reasons == null ? List.of() : reasons.stream().filter(r -> r != null).toList();
    params = params == null ? new Params(null, null) : params;
    residuals = residuals == null ? new Residuals(null, null, null, null) : residuals;
  }

  /**
   * The affine fit.
   *
   * <p>DESIGN NOTE: files written before this record took their order from {@code Map.of}, which
   * changes with each JVM start: b came first in 7 of 9 syncs of synth pairs, a in the others. The
   * order is now fixed at the more frequent one, so most earlier files are byte-identical.
   */
  @JsonPropertyOrder({"b", "a"})
  public record Params(Double a, Double b) {}

  /** Residuals of the inlier pairs about the mapping (s), null without a fit. */
  public record Residuals(Double mae, Double p50, Double p90, Double p95) {}

  /** The gates a fit was judged by, as {@link WarpConfig} names them. */
  @JsonPropertyOrder({
    "min_inlier_frac",
    "max_p90_sec",
    "max_ppm",
    "inlier_thresh_sec",
    "window_sec"
  })
  public record Gates(
      Double minInlierFrac,
      Double maxP90Sec,
      Double maxPpm,
      Double inlierThreshSec,
      Double windowSec) {

    static Gates of(WarpConfig c) {
      return new Gates(
          c.minInlierFrac(), c.maxP90Sec(), c.maxPpm(), c.inlierThreshSec(), c.windowSec());
    }
  }

  /**
   * The knots of the mapping: new time (s) to reference time (s), each knot's confidence (0 to 1)
   * and, when known, the standard uncertainty of t_ref there (s).
   */
  @JsonPropertyOrder({"t_new", "t_ref", "confidence", "sigma_sec"})
  public record Mapping(
      @JsonProperty("t_new") List<Double> tNew,
      @JsonProperty("t_ref") List<Double> tRef,
      List<Double> confidence,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> sigmaSec) {}

  /**
   * How a sync searched for matching moments.
   *
   * @param prior {@code gps} when the GPS seeded the search, else {@code none}
   * @param orbMatches frames matched by ORB and RANSAC
   * @param coarseCells signature pairs compared for the coarse path
   * @param coarseSec time the coarse path took (s)
   */
  @JsonPropertyOrder({"prior", "orb_matches", "coarse_cells", "coarse_sec"})
  public record Search(String prior, Integer orbMatches, Long coarseCells, Double coarseSec) {}

  /**
   * The pins of a refit.
   *
   * @param file the run folder's pins file
   * @param count how many pins
   */
  @JsonPropertyOrder({"file", "count"})
  public record Anchors(String file, Integer count) {}

  /**
   * A fitted warp as a file holds it, values rounded as files carry them; {@code warp} and {@code
   * q} may be null when no mapping could be fitted.
   *
   * @param extraReasons why the sync failed beyond the gates (they make {@code ok} false)
   */
  public static TimewarpJson of(
      MonotoneWarp warp, WarpQuality q, WarpConfig config, List<String> extraReasons) {
    List<String> reasons = new ArrayList<>(q == null ? List.of() : q.reasons());
    reasons.addAll(extraReasons);
    return new TimewarpJson(
        SCHEMA_VERSION,
        warp != null && q != null && q.ok() && extraReasons.isEmpty(),
        MODEL,
        new Params(q == null ? 1.0 : round(q.a(), 9), q == null ? 0.0 : round(q.b(), 6)),
        q == null ? null : round(q.ppm(), 1),
        q == null ? 0.0 : round(q.inlierFrac(), 4),
        q == null
            ? new Residuals(null, null, null, null)
            : new Residuals(
                round(q.mae(), 6), round(q.p50(), 6), round(q.p90(), 6), round(q.p95(), 6)),
        q == null ? 0 : q.pairs(),
        q == null ? 0 : q.inliers(),
        warp == null ? null : List.of(warp.validFrom(), warp.validTo()),
        Gates.of(config),
        List.copyOf(reasons),
        warp == null
            ? null
            : new Mapping(
                rounded(warp.tNew()),
                rounded(warp.tRef()),
                rounded(warp.confidence()),
                warp.hasSigma() ? rounded(warp.sigma()) : null),
        null,
        null,
        null,
        null);
  }

  /** This file with the blocks a sync or a refit adds after the mapping (each may be null). */
  public TimewarpJson withBlocks(Search search, JsonNode camera, JsonNode gps, Anchors anchors) {
    return new TimewarpJson(
        schemaVersion,
        ok,
        model,
        params,
        ppm,
        inlierFrac,
        residuals,
        nPairs,
        nInliers,
        validTNew,
        gates,
        reasons,
        mapping,
        search,
        camera,
        gps,
        anchors);
  }

  /** Writes the file atomically. */
  public void write(Path file) throws IOException {
    Json.write(file, this);
  }

  /**
   * Reads a timewarp.json found in a run folder.
   *
   * @throws IOException naming the file when it is missing, not JSON, or not a JSON object
   */
  public static TimewarpJson read(Path file) throws IOException {
    return ArtefactJson.read(file, TimewarpJson.class);
  }

  /**
   * Reads a timewarp.json the user named (a command's argument): as {@link #read}, but binary data
   * is refused as such and the messages call it a timewarp JSON file; a top level that is not an
   * object reads as a file without a mapping.
   */
  public static TimewarpJson readGiven(Path file) throws IOException {
    InputPaths.textFile(file);
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + ": not a timewarp JSON file (" + Json.problem(e) + ")", e);
    }
    if (root == null || !root.isObject()) {
      root = Json.MAPPER.createObjectNode();
    }
    return ArtefactJson.bind(file, root, TimewarpJson.class);
  }

  /**
   * The {@code gps} block bound to its record; null when the file has none. The block is an aid:
   * one that is not an object reads as none.
   */
  public GpsBlock gpsBlock() {
    if (gps == null || !gps.isObject()) {
      return null;
    }
    try {
      return ArtefactJson.bind(Path.of(NAME), gps, GpsBlock.class);
    } catch (IOException e) {
      return null;
    }
  }

  /** Whether a mapping was fitted (the file has one). */
  public boolean fitted() {
    return mapping != null;
  }

  /**
   * The mapping as a warp.
   *
   * @param file the file this came from, for the message
   * @throws IOException naming the file when it has no mapping or an invalid one
   */
  public MonotoneWarp warp(Path file) throws IOException {
    if (mapping == null) {
      throw new IOException(
          file
              + ": has no mapping"
              + (Boolean.FALSE.equals(ok) ? " (the sync failed: ok=false)" : ""));
    }
    try {
      double[] tNew = array(mapping.tNew());
      double[] tRef = array(mapping.tRef());
      double[] confidence = array(mapping.confidence());
      return mapping.sigmaSec() != null
          ? new MonotoneWarp(tNew, tRef, confidence, array(mapping.sigmaSec()))
          : new MonotoneWarp(tNew, tRef, confidence);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": invalid mapping (" + e.getMessage() + ")", e);
    }
  }

  private static double[] array(List<Double> values) {
    if (values == null) {
      throw new IllegalArgumentException("missing array");
    }
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      if (values.get(i) == null) {
        throw new IllegalArgumentException("non-numeric value at " + i);
      }
      out[i] = values.get(i);
    }
    return out;
  }

  private static double round(double v, int digits) {
    double s = Math.pow(10, digits);
    return Math.round(v * s) / s;
  }

  private static List<Double> rounded(double[] v) {
    List<Double> out = new ArrayList<>(v.length);
    for (double x : v) {
      out.add(round(x, 6));
    }
    return out;
  }
}
