package dev.mtbsync.cli;

import dev.mtbsync.synth.NewCamera;
import picocli.CommandLine.Option;

/** The flags of synth that film the new run with another camera than the reference's. */
public final class NewCameraOptions {

  @Option(
      names = "--new-zoom",
      paramLabel = "F",
      description =
          "Focal-length factor of the new camera against the reference, 0.6 to 1.6: 1.2 is 20%%"
              + " narrower (zoomed in), 0.8 wider (default: drawn from 0.96 to 1.05).")
  Double zoom;

  @Option(
      names = "--new-lens",
      paramLabel = "LENS",
      defaultValue = "linear",
      description =
          "Lens projection of the new camera: linear (pinhole, as the reference), wide"
              + " (stereographic r = 2f tan(theta/2), 106 degrees across at zoom 1) or fisheye"
              + " (equidistant r = f theta, like GoPro Wide, 115 degrees) (default:"
              + " ${DEFAULT-VALUE}).")
  String lens;

  @Option(
      names = "--new-aspect",
      paramLabel = "RATIO",
      defaultValue = "16:9",
      description =
          "Picture shape of the new run: 16:9 (the reference's size), 4:3 (same height, sides"
              + " cropped: width = height*4/3) or 4:3-tall (same width, taller picture showing"
              + " more above and below) (default: ${DEFAULT-VALUE}).")
  String aspect;

  @Option(
      names = "--new-mount",
      paramLabel = "MOUNT",
      defaultValue = "helmet",
      description =
          "Where the new camera sits: helmet (1.45 m above the ground, as the reference) or"
              + " chest (0.45 m lower and pitched 10 degrees further down) (default:"
              + " ${DEFAULT-VALUE}).")
  String mount;

  @Option(
      names = "--new-mount-height",
      paramLabel = "M",
      description =
          "New camera height above the ground in metres, 0.5 to 2.5 (overrides the mount's).")
  Double mountHeight;

  @Option(
      names = "--new-mount-pitch",
      paramLabel = "DEG",
      description =
          "New camera tilt against a helmet camera in degrees, positive up, -20 to 15"
              + " (overrides the mount's).")
  Double mountPitch;

  @Option(
      names = "--new-line-offset",
      paramLabel = "M",
      description =
          "Sideways offset of the new rider's line in metres, positive right, -2 to 2"
              + " (default: drawn within +-0.25).")
  Double lineOffset;

  @Option(
      names = "--new-stabilise",
      description =
          "Electronic stabilisation: the new picture is a window of 80%% of the frame, scaled to"
              + " full size, whose centre drifts up to 4%% of the width and 3%% of the height"
              + " over 2.5-7 s.")
  boolean stabilise;

  @Option(
      names = "--new-rotate",
      paramLabel = "DEG",
      defaultValue = "0",
      description =
          "Store the new video rotated: 90, 180 or 270 degrees clockwise in the display matrix,"
              + " the picture data turned the other way (default: ${DEFAULT-VALUE}).")
  int rotate;

  /**
   * @throws IllegalArgumentException for an unknown lens, aspect or mount (ranges are checked by
   *     the config)
   */
  NewCamera camera() {
    double[] m = NewCamera.mount(mount);
    return new NewCamera(
        zoom,
        NewCamera.Lens.parse(lens),
        NewCamera.Aspect.parse(aspect),
        mountHeight != null ? mountHeight : m[0],
        mountPitch != null ? mountPitch : m[1],
        lineOffset,
        stabilise,
        rotate);
  }
}
