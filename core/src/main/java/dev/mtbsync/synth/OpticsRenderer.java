package dev.mtbsync.synth;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Films a run through a camera the pinhole {@link ScanlineRenderer} cannot be by itself: a
 * barrel-distorting lens, an electronically stabilised crop, a picture stored rotated.
 *
 * <p>Per frame: a rectilinear source picture is drawn with the principal point in its middle, large
 * enough to hold every ray of the sensor; a fixed remap bends it into the lens's projection and
 * puts the principal point where the mount shifts it (the sensor picture); the stabiliser's window
 * is cut out of that and scaled to the full frame; sensor noise is added; the picture is turned the
 * other way of the stored display rotation and converted to I420.
 *
 * <p>DESIGN NOTE: the lens is a remap of a pinhole picture, not drawn natively, because the
 * renderer's speed comes from re-projecting one straight-ahead view by a homography, which a curved
 * projection is not. The source keeps the sensor's focal length, so the picture centre is as sharp
 * as a linear camera's, unless the source would exceed {@link #MAX_SOURCE_AREA} times the frame's
 * pixels (very wide settings), when its focal is lowered to fit.
 */
final class OpticsRenderer implements FrameRenderer {

  /** Most pixels of the source picture, as a multiple of the frame's. */
  private static final double MAX_SOURCE_AREA = 4;

  private final ScanlineRenderer source;
  private final NewCamera camera;
  private final SensorNoise noise;
  private final Stabiliser stabiliser;
  private final double fps;
  private final int width;
  private final int height;
  private final double sourceZoom;
  private final Mat mapA;
  private final Mat mapB;
  private final Mat sensor;
  private final Mat picture;
  private final Mat stored;
  private final Mat yuv;
  private final Mat crop = new Mat(2, 3, opencv_core.CV_64F);
  private final DoublePointer cropData = new DoublePointer(crop.data());

  /**
   * @param width picture width (px), upright
   * @param height picture height (px), upright
   * @param zoom focal length as a factor of {@code width / 2}
   * @param noise sensor noise of the picture's upright size, shared between renderers
   * @param fps frame rate: frame {@code index} is at {@code index / fps} s
   */
  OpticsRenderer(
      Forest forest,
      int width,
      int height,
      double zoom,
      NewCamera camera,
      RunLook look,
      SensorNoise noise,
      double fps) {
    this.camera = camera;
    this.noise = noise;
    this.fps = fps;
    this.width = width;
    this.height = height;
    this.stabiliser = camera.stabilise() ? new Stabiliser(look.jitterSeed()) : null;
    double f = zoom * width / 2;
    double cx = width / 2.0 + look.shiftX() * width;
    double cy = height / 2.0 + look.shiftY() * height;
    if (camera.lens() == NewCamera.Lens.LINEAR) {
      source = new ScanlineRenderer(forest, width, height, look, noise);
      sourceZoom = zoom;
      mapA = null;
      mapB = null;
    } else {
      // the sensor's border, bent straight, bounds the source picture
      double[] reach = new double[2];
      for (int u = 0; u <= width; u++) {
        for (int v = 0; v <= height; v += (u == 0 || u == width) ? 1 : height) {
          double[] p = straighten(camera.lens(), (u - cx) / f, (v - cy) / f);
          reach[0] = Math.max(reach[0], Math.abs(p[0]));
          reach[1] = Math.max(reach[1], Math.abs(p[1]));
        }
      }
      double maxX = reach[0];
      double maxY = reach[1];
      double scale =
          Math.min(1, Math.sqrt(MAX_SOURCE_AREA * width * height / (4 * f * f * maxX * maxY)));
      double fs = scale * f;
      int sw = 2 * (int) Math.ceil(fs * maxX + 2);
      int sh = 2 * (int) Math.ceil(fs * maxY + 2);
      source = new ScanlineRenderer(forest, sw, sh, look.withoutShift(), noise);
      sourceZoom = fs / (sw / 2.0);
      float[] xs = new float[width * height];
      float[] ys = new float[width * height];
      for (int v = 0; v < height; v++) {
        for (int u = 0; u < width; u++) {
          double[] p = straighten(camera.lens(), (u - cx) / f, (v - cy) / f);
          xs[v * width + u] = (float) (sw / 2.0 + fs * p[0]);
          ys[v * width + u] = (float) (sh / 2.0 + fs * p[1]);
        }
      }
      try (Mat mx = new Mat(height, width, opencv_core.CV_32FC1);
          Mat my = new Mat(height, width, opencv_core.CV_32FC1)) {
        new FloatPointer(mx.data()).put(xs);
        new FloatPointer(my.data()).put(ys);
        mapA = new Mat();
        mapB = new Mat();
        // fixed-point maps: remap runs several times faster on them
        opencv_imgproc.convertMaps(mx, my, mapA, mapB, opencv_core.CV_16SC2, false);
      }
    }
    sensor = new Mat(height, width, opencv_core.CV_8UC4);
    picture = new Mat(height, width, opencv_core.CV_8UC4);
    stored = new Mat();
    int[] s = storedSize(width, height, camera.rotateDeg());
    yuv = new Mat(s[1] * 3 / 2, s[0], opencv_core.CV_8UC1);
  }

  /** {width, height} of the frames in the file: the picture's, swapped for a quarter turn. */
  static int[] storedSize(int width, int height, int rotateDeg) {
    return rotateDeg % 180 == 0 ? new int[] {width, height} : new int[] {height, width};
  }

  /**
   * Where a ray seen at ({@code x}, {@code y}) (units of the focal, from the principal point)
   * through {@code lens} lands on a pinhole camera of the same focal.
   */
  static double[] straighten(NewCamera.Lens lens, double x, double y) {
    double r = Math.hypot(x, y);
    if (r < 1e-12) {
      return new double[] {x, y};
    }
    double k = Math.tan(lens.theta(r)) / r;
    return new double[] {x * k, y * k};
  }

  @Override
  public void render(CameraPose pose, double blurM, long index, byte[] out) {
    CameraPose straight =
        new CameraPose(
            pose.distance(),
            pose.lateral(),
            pose.height(),
            pose.yaw(),
            pose.pitch(),
            pose.roll(),
            sourceZoom);
    Mat drawn = source.renderBgra(straight, blurM);
    Mat bent = drawn;
    if (mapA != null) {
      bent = stabiliser != null ? sensor : picture;
      opencv_imgproc.remap(
          drawn,
          bent,
          mapA,
          mapB,
          opencv_imgproc.INTER_LINEAR,
          opencv_core.BORDER_REPLICATE,
          new Scalar());
    }
    if (stabiliser != null) {
      double t = index / fps;
      double c = Stabiliser.CROP;
      // picture pixel -> sensor pixel: the window's corner plus the crop's scale
      double ox = (1 - c) * width / 2 + stabiliser.driftX(t) * width;
      double oy = (1 - c) * height / 2 + stabiliser.driftY(t) * height;
      cropData.put(c, 0, ox, 0, c, oy);
      opencv_imgproc.warpAffine(
          bent,
          picture,
          crop,
          new Size(width, height),
          opencv_imgproc.INTER_LINEAR | opencv_imgproc.WARP_INVERSE_MAP,
          opencv_core.BORDER_REPLICATE,
          new Scalar());
    } else if (bent != picture) {
      bent.copyTo(picture);
    }
    noise.addTo(picture, index);
    Mat file = picture;
    if (camera.rotateDeg() != 0) {
      // stored turned back, so that the display matrix's clockwise turn shows it upright
      int code =
          switch (camera.rotateDeg()) {
            case 90 -> opencv_core.ROTATE_90_COUNTERCLOCKWISE;
            case 180 -> opencv_core.ROTATE_180;
            default -> opencv_core.ROTATE_90_CLOCKWISE;
          };
      opencv_core.rotate(picture, stored, code);
      file = stored;
    }
    opencv_imgproc.cvtColor(file, yuv, opencv_imgproc.COLOR_BGRA2YUV_I420);
    yuv.data().get(out, 0, (int) (yuv.total()));
  }

  @Override
  public void close() {
    source.close();
    if (mapA != null) {
      mapA.close();
      mapB.close();
    }
    sensor.close();
    picture.close();
    stored.close();
    yuv.close();
    crop.close();
  }
}
