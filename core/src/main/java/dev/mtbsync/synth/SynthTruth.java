package dev.mtbsync.synth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code truth.json}: what a perfect sync of a rendered pair would find.
 *
 * @param schemaVersion version of this file's layout
 * @param seed the seed the pair was rendered from
 * @param ref the reference video
 * @param newRun the new video
 * @param validTNew [first, last] new time (s) whose place the reference also shows
 * @param stop new-time interval (s) where the new rider stands still, or null
 * @param mapping the true reference time for the time of every new frame
 * @param markers every reference marker with its true new time (null when the new run does not
 *     cover it)
 * @param newCamera how the new run was filmed; it changes the pictures, never the times above
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SynthTruth(
    @JsonProperty("schema_version") int schemaVersion,
    long seed,
    Clip ref,
    @JsonProperty("new") Clip newRun,
    @JsonProperty("valid_t_new") double[] validTNew,
    Interval stop,
    Mapping mapping,
    List<MarkerTruth> markers,
    @JsonProperty("new_camera") Camera newCamera) {

  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * @param file name of the video file beside truth.json
   * @param fps frame rate
   * @param frames frame count
   * @param durationSec frames / fps
   * @param width px, of the picture as shown (upright)
   * @param height px, of the picture as shown (upright)
   */
  public record Clip(
      String file,
      double fps,
      long frames,
      @JsonProperty("duration_sec") double durationSec,
      int width,
      int height) {}

  /**
   * The camera of the new run against the reference's (a helmet-mounted linear camera, zoom 1).
   *
   * @param zoom focal-length factor relative to the reference, as given or drawn
   * @param lens linear, wide (stereographic) or fisheye (equidistant)
   * @param aspect 16:9, 4:3 (sides cropped) or 4:3-tall (taller sensor)
   * @param mountHeightM camera height above the ground (m)
   * @param mountPitchDeg tilt relative to a helmet camera (degrees, positive up)
   * @param lineOffsetM sideways offset of the rider's line (m, positive right), as given or drawn
   * @param stabiliseCrop fraction of the sensor the stabilised picture shows, null when off
   * @param rotateDeg clockwise display rotation stored in the file; the picture data is turned the
   *     other way, so the frames in the file are the new clip's width and height swapped for 90/270
   */
  public record Camera(
      double zoom,
      String lens,
      String aspect,
      @JsonProperty("mount_height_m") double mountHeightM,
      @JsonProperty("mount_pitch_deg") double mountPitchDeg,
      @JsonProperty("line_offset_m") double lineOffsetM,
      @JsonProperty("stabilise_crop") Double stabiliseCrop,
      @JsonProperty("rotate_deg") int rotateDeg) {}

  /** A time interval in seconds. */
  public record Interval(double start, double end) {}

  /**
   * @param tNew time of each new frame (s)
   * @param tRef the true reference time at that moment (s); may fall outside the reference
   */
  public record Mapping(
      @JsonProperty("t_new") double[] tNew, @JsonProperty("t_ref") double[] tRef) {

    /** True reference time at new time {@code t}, linearly interpolated between frames. */
    public double refTimeAt(double t) {
      int n = tNew.length;
      if (t <= tNew[0]) {
        return tRef[0];
      }
      if (t >= tNew[n - 1]) {
        return tRef[n - 1];
      }
      int i = Arrays.binarySearch(tNew, t);
      if (i >= 0) {
        return tRef[i];
      }
      int hi = -i - 1;
      int lo = hi - 1;
      double f = (t - tNew[lo]) / (tNew[hi] - tNew[lo]);
      return tRef[lo] + f * (tRef[hi] - tRef[lo]);
    }
  }

  /**
   * @param name marker name
   * @param tRef time in the reference (s)
   * @param tNew true time in the new run (s), null when outside it
   */
  public record MarkerTruth(
      String name, @JsonProperty("t_ref") double tRef, @JsonProperty("t_new") Double tNew) {}

  public static SynthTruth read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), SynthTruth.class);
  }

  /** The exact bytes written to truth.json: the same for the same seed and settings. */
  public byte[] toJson() throws IOException {
    return JSON.writeValueAsBytes(this);
  }
}
