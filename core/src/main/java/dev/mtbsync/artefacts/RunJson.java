package dev.mtbsync.artefacts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mtbsync.io.ArtefactJson;
import dev.mtbsync.io.Json;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code run.json}, the one definition of its fields: what a sync was given (inputs with their
 * signatures, parameters), which tool ran it, when, and whether it worked. Read with {@link #read},
 * written with {@link #write}; fields a reader does not know are skipped and a mistyped one reads
 * as null.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION} for files written now
 * @param runId the run's id (its folder's name)
 * @param tool {@code mtbsync}
 * @param toolVersion the jar's version, {@code dev} from classes
 * @param inputs the files the sync read
 * @param parameters the settings it ran with
 * @param started when the sync began (ISO-8601)
 * @param finished when it wrote this file (ISO-8601)
 * @param ok the sync passed (its warp met the gates)
 * @param problems why it failed; empty when ok
 */
@JsonPropertyOrder({
  "schema_version",
  "run_id",
  "tool",
  "tool_version",
  "inputs",
  "parameters",
  "started",
  "finished",
  "ok",
  "problems"
})
public record RunJson(
    Integer schemaVersion,
    String runId,
    String tool,
    String toolVersion,
    Inputs inputs,
    Parameters parameters,
    String started,
    String finished,
    Boolean ok,
    List<String> problems) {

  public static final String NAME = "run.json";
  public static final int SCHEMA_VERSION = 1;

  public RunJson {
    problems = problems == null ? List.of() : problems.stream().filter(p -> p != null).toList();
    inputs = inputs == null ? new Inputs(null, null, null, null, null) : inputs;
  }

  /**
   * The files a sync read.
   *
   * @param reference the reference video
   * @param neu the new run's video
   * @param refMarkers the reference markers, null when none were given
   * @param refGps the reference's GPS: a file's signature, the text {@code video telemetry}, or a
   *     JSON null when none was found; absent when no GPS was asked for
   * @param newGps the new run's GPS, as {@code refGps}
   * @param newProxy the new run's low-resolution proxy the analysis decoded instead of the video;
   *     absent when the video itself was
   */
  @JsonPropertyOrder({"reference", "new", "ref_markers", "ref_gps", "new_gps", "new_proxy"})
  public record Inputs(
      Video reference,
      @JsonProperty("new") Video neu,
      InputFile refMarkers,
      @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode refGps,
      @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode newGps,
      @JsonInclude(JsonInclude.Include.NON_NULL) InputFile newProxy) {

    /** Inputs without a proxy. */
    public Inputs(
        Video reference, Video neu, InputFile refMarkers, JsonNode refGps, JsonNode newGps) {
      this(reference, neu, refMarkers, refGps, newGps, null);
    }
  }

  /**
   * An input file's signature: what identifies it cheaply.
   *
   * @param path absolute path
   * @param sizeBytes size (bytes)
   * @param mtime last modification (ISO-8601)
   * @param sha256FirstMib hex SHA-256 of its first MiB
   */
  @JsonPropertyOrder({"path", "size_bytes", "mtime", "sha256_first_mib"})
  public record InputFile(
      String path,
      Long sizeBytes,
      String mtime,
      @JsonProperty("sha256_first_mib") String sha256FirstMib) {}

  /**
   * An input video: its signature and how much of it decoded.
   *
   * @param truncated it decoded markedly shorter than its header says
   * @param decodedSec how long it decoded (s)
   * @param headerSec how long its header says it is (s), null when the header does not say
   */
  @JsonPropertyOrder({
    "path",
    "size_bytes",
    "mtime",
    "sha256_first_mib",
    "truncated",
    "decoded_sec",
    "header_sec"
  })
  public record Video(
      String path,
      Long sizeBytes,
      String mtime,
      @JsonProperty("sha256_first_mib") String sha256FirstMib,
      Boolean truncated,
      Double decodedSec,
      Double headerSec) {

    /** The path as a path; null when the file gives none or one this system cannot name. */
    public Path file() {
      if (path == null || path.isBlank()) {
        return null;
      }
      try {
        return Path.of(path);
      } catch (InvalidPathException e) {
        return null;
      }
    }

    /**
     * What identifies the video whatever its path: "size:sha256", or the path when the file gives
     * no signature.
     */
    public String key() {
      return sha256FirstMib != null && sizeBytes != null ? sizeBytes + ":" + sha256FirstMib : path;
    }

    /**
     * The length its warp can cover (s): decoded, else the header's; null when neither is known.
     */
    public Double lengthSec() {
      return decodedSec != null ? decodedSec : headerSec;
    }
  }

  /**
   * The settings a sync ran with. The analysis, match and warp blocks are the config records as
   * they serialise themselves ({@code OrbConfig}, {@code MatchConfig}, {@code WarpConfig}); their
   * fields are documented there.
   *
   * @param reviewThreshold confidence below which a marker is flagged for review
   * @param gps the GPS clock offsets (with GPS only)
   */
  @JsonPropertyOrder({
    "reference_analysis",
    "new_analysis",
    "match",
    "warp",
    "review_threshold",
    "gps"
  })
  public record Parameters(
      JsonNode referenceAnalysis,
      JsonNode newAnalysis,
      JsonNode match,
      JsonNode warp,
      Double reviewThreshold,
      @JsonInclude(JsonInclude.Include.NON_NULL) GpsClocks gps) {}

  /**
   * Seconds each GPS clock runs ahead of its video's.
   *
   * <p>Files written before this record took their order from {@code Map.of}, which changes with
   * each JVM start; it is now fixed at the more frequent one, ref first.
   */
  @JsonPropertyOrder({"ref_clock_offset_sec", "new_clock_offset_sec"})
  public record GpsClocks(Double refClockOffsetSec, Double newClockOffsetSec) {}

  /** Writes the file atomically. */
  public void write(Path file) throws IOException {
    Json.write(file, this);
  }

  /**
   * Reads a run.json.
   *
   * @throws IOException naming the file when it is missing, not JSON, or not a JSON object
   */
  public static RunJson read(Path file) throws IOException {
    return ArtefactJson.read(file, RunJson.class);
  }
}
