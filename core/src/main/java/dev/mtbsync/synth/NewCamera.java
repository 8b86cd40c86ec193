package dev.mtbsync.synth;

import java.util.Locale;

/**
 * The camera that films the new run, where it differs from the reference's: focal length, lens
 * projection, picture shape, mount, the rider's line, stabilisation and how the file is stored.
 * None of it moves the rider along the trail, so the true time-warp is the same whatever the
 * camera. Checked once by {@link #validate(int, int)}.
 *
 * @param zoom focal-length factor relative to the reference (1 = same, 1.2 = 20% narrower), 0.6 to
 *     1.6; null draws it at random from 0.96 to 1.05 as before
 * @param lens projection of the lens
 * @param aspect shape of the picture
 * @param mountHeightM camera height above the ground (m), 0.5 to 2.5; the helmet is 1.45
 * @param mountPitchDeg tilt relative to a helmet camera's (degrees, positive up), -20 to 15
 * @param lineOffsetM sideways offset of the rider's line (m, positive right), -2 to 2; null draws
 *     it at random within +-0.25 m as before
 * @param stabilise whether the picture is an electronically stabilised crop, see {@link Stabiliser}
 * @param rotateDeg display rotation stored in the file, clockwise degrees: 0, 90, 180 or 270; the
 *     picture data is turned the other way so that a player honouring the matrix shows it upright
 */
public record NewCamera(
    Double zoom,
    Lens lens,
    Aspect aspect,
    double mountHeightM,
    double mountPitchDeg,
    Double lineOffsetM,
    boolean stabilise,
    int rotateDeg) {

  /** Helmet camera height above the ground (m). */
  public static final double HELMET_HEIGHT_M = TrailShape.CAMERA_HEIGHT;

  /** A chest mount sits this much lower than a helmet (m). */
  public static final double CHEST_DROP_M = 0.45;

  /** ... and looks this much further down (degrees). */
  public static final double CHEST_PITCH_DEG = -10;

  /**
   * The renderer draws through a rectilinear view, so no ray of the frame may lie further than this
   * (degrees) from the optical axis; the head's yaw and pitch come on top.
   */
  static final double MAX_OFF_AXIS_DEG = 70;

  /** As today: random small zoom and line, linear lens, 16:9, helmet, no stabilisation. */
  public static final NewCamera DEFAULT =
      new NewCamera(null, Lens.LINEAR, Aspect.WIDE, HELMET_HEIGHT_M, 0, null, false, 0);

  /** Lens projections: how far from the centre (r, px) a ray theta (rad) off the axis lands. */
  public enum Lens {
    /** Rectilinear (pinhole), the reference's: r = f tan(theta). */
    LINEAR("linear"),
    /** Stereographic, a mild barrel: r = 2 f tan(theta / 2); 16:9 at zoom 1 sees 106 degrees. */
    WIDE("wide"),
    /** Equidistant fisheye like GoPro Wide: r = f theta; 16:9 at zoom 1 sees 115 degrees. */
    FISHEYE("fisheye");

    private final String label;

    Lens(String label) {
      this.label = label;
    }

    /** Angle off the axis (rad) of the ray seen at radius {@code r} (in units of the focal). */
    double theta(double r) {
      return switch (this) {
        case LINEAR -> Math.atan(r);
        case WIDE -> 2 * Math.atan(r / 2);
        case FISHEYE -> r;
      };
    }

    public String label() {
      return label;
    }

    /**
     * @throws IllegalArgumentException for an unknown name
     */
    public static Lens parse(String text) {
      for (Lens l : values()) {
        if (l.label.equalsIgnoreCase(text.trim())) {
          return l;
        }
      }
      throw new IllegalArgumentException(
          "new-lens must be linear, wide or fisheye, got '" + text + "'");
    }
  }

  /** Picture shapes. The focal length in pixels stays that of the reference's sensor. */
  public enum Aspect {
    /** The reference's size. */
    WIDE("16:9"),
    /** Same height, sides cropped: width = height * 4 / 3, rounded to even. */
    CROP("4:3"),
    /** Same width, taller sensor showing more above and below: height = width * 3 / 4, even. */
    TALL("4:3-tall");

    private final String label;

    Aspect(String label) {
      this.label = label;
    }

    /** {width, height} of the new picture for a reference of {@code width x height} px. */
    int[] size(int width, int height) {
      return switch (this) {
        case WIDE -> new int[] {width, height};
        case CROP -> new int[] {even(height * 4 / 3.0), height};
        case TALL -> new int[] {width, even(width * 3 / 4.0)};
      };
    }

    public String label() {
      return label;
    }

    /**
     * @throws IllegalArgumentException for an unknown name
     */
    public static Aspect parse(String text) {
      for (Aspect a : values()) {
        if (a.label.equalsIgnoreCase(text.trim())) {
          return a;
        }
      }
      throw new IllegalArgumentException(
          "new-aspect must be 16:9, 4:3 or 4:3-tall, got '" + text + "'");
    }

    private static int even(double v) {
      return 2 * (int) Math.round(v / 2);
    }
  }

  /**
   * {height (m), pitch (degrees)} of a named mount.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static double[] mount(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "helmet" -> new double[] {HELMET_HEIGHT_M, 0};
      case "chest" -> new double[] {HELMET_HEIGHT_M - CHEST_DROP_M, CHEST_PITCH_DEG};
      default ->
          throw new IllegalArgumentException(
              "new-mount must be helmet or chest, got '" + name + "'");
    };
  }

  /** Whether the picture needs more than the renderer's pinhole camera: lens, crop or rotation. */
  boolean needsOptics() {
    return lens != Lens.LINEAR || stabilise || rotateDeg != 0;
  }

  /**
   * Checks every value for a reference of {@code width x height} px.
   *
   * @throws IllegalArgumentException naming the first value out of range
   */
  NewCamera validate(int width, int height) {
    if (zoom != null && !(zoom >= 0.6 && zoom <= 1.6)) {
      throw new IllegalArgumentException("new-zoom must be 0.6 to 1.6, got " + zoom);
    }
    if (lens == null || aspect == null) {
      throw new IllegalArgumentException("new camera needs a lens and an aspect");
    }
    if (!(mountHeightM >= 0.5 && mountHeightM <= 2.5)) {
      throw new IllegalArgumentException(
          "new-mount-height must be 0.5 to 2.5 m, got " + mountHeightM);
    }
    if (!(mountPitchDeg >= -20 && mountPitchDeg <= 15)) {
      throw new IllegalArgumentException(
          "new-mount-pitch must be -20 to 15 degrees, got " + mountPitchDeg);
    }
    if (lineOffsetM != null && !(lineOffsetM >= -2 && lineOffsetM <= 2)) {
      throw new IllegalArgumentException("new-line-offset must be -2 to 2 m, got " + lineOffsetM);
    }
    if (rotateDeg != 0 && rotateDeg != 90 && rotateDeg != 180 && rotateDeg != 270) {
      throw new IllegalArgumentException("new-rotate must be 0, 90, 180 or 270, got " + rotateDeg);
    }
    int[] size = aspect.size(width, height);
    if (size[0] < 160 || size[0] > 3840 || size[1] < 90 || size[1] > 2160) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "new-aspect %s makes the new run %dx%d, outside 160x90 to 3840x2160",
              aspect.label,
              size[0],
              size[1]));
    }
    double edge = Math.toDegrees(maxOffAxis(width, height, zoom == null ? 0.96 : zoom));
    if (edge > MAX_OFF_AXIS_DEG) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "new camera sees %.0f degrees off axis at its corners (%s lens, zoom %s, %s);"
                  + " at most %.0f can be drawn: raise --new-zoom",
              edge,
              lens.label,
              zoom == null ? "random" : zoom,
              aspect.label,
              MAX_OFF_AXIS_DEG));
    }
    return this;
  }

  /** The focal length (px) of the new camera for a reference {@code width} px wide. */
  static double focalPx(int width, double zoom) {
    return zoom * width / 2.0;
  }

  /**
   * Largest angle (rad) off the axis seen by the sensor's corners, with the largest mount shift a
   * random look draws (2% of the size). A stabilised picture shows less, but its window wanders
   * over the whole sensor's picture, which is drawn.
   */
  double maxOffAxis(int width, int height, double zoomFactor) {
    int[] size = aspect.size(width, height);
    double f = focalPx(width, zoomFactor);
    double x = 0.52 * size[0] / f;
    double y = 0.52 * size[1] / f;
    return lens.theta(Math.hypot(x, y));
  }
}
