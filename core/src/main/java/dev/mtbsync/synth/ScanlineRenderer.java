package dev.mtbsync.synth;

import java.util.Arrays;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Draws frames of the {@link Forest} seen from a {@link CameraPose}. One instance draws one frame
 * at a time; use one per thread (they may share the forest).
 *
 * <p>DESIGN NOTE: written by hand because no library renders a textured 3-D scene headless on the
 * CPU at video rates. The trick that makes it fast: a camera's rotation only re-projects the image
 * (a homography), so the scene is first drawn from an unrotated camera looking straight down the
 * corridor. There every image row of the ground lies at one depth and every column of a tree wall
 * at one depth, so texture coordinates advance linearly along a row ("floor casting") and mip
 * level, fog and tile lookup are worked out once per row or column, not per pixel. OpenCV then
 * warps that view by the camera's yaw, pitch, roll and mount offsets. Motion blur is approximated
 * by widening the texture footprint by the distance travelled while the shutter is open, which
 * blurs the near ground most, as in a forward-moving camera. The ground is drawn row by row and the
 * walls column by column, so texture reads stay in cache.
 */
final class ScanlineRenderer implements FrameRenderer {

  private static final double CLOUD_HEIGHT_M = 400;
  private static final double CLOUD_TEXEL_M = 6;
  private static final int FOG_RGB = 0x9DAFA4;
  private static final int HORIZON_RGB = 0xC8D6E0;
  private static final int MARGIN_PX = 2;

  /**
   * The unrotated view reaches at most this slope (tan 78 degrees) off the corridor's axis; rays of
   * a very wide camera turned further repeat its edge instead of growing the view without bound.
   */
  private static final double MAX_SLOPE = 4.7;

  /**
   * Resolution of the unrotated view relative to the output; the warp interpolates it up. 0.75 is
   * what the sync engine keeps of a 1280 px frame (it analyses at most 960 px), at 56% of the
   * drawing work.
   */
  private static final double CANONICAL_SCALE = 0.75;

  private final Forest forest;
  private final int width;
  private final int height;
  private final RunLook look;
  private final int[] fogAlpha = new int[(int) (Forest.FAR_M * 4) + 2];
  private final int fogRgb;
  private final int horizonRgb;
  private final SensorNoise noise;
  private final TexelStrip strip = new TexelStrip();

  /** Unrotated view as packed 0x00RRGGBB: B, G, R, 0 bytes in native (little-endian) order. */
  private int[] canvas = new int[0];

  private IntPointer canvasNative = new IntPointer(0L);
  private final Mat warped;
  private final Mat full;
  private final int smallWidth;
  private final int smallHeight;
  private final Mat yuv;
  private final Mat homography = new Mat(3, 3, opencv_core.CV_64F);
  private final DoublePointer homographyData;

  // the unrotated view of the current frame
  private int cw;
  private int ch;
  private double f;
  private double aMin;
  private double bMax;

  // per column of the unrotated view: where its ray meets a tree wall
  private double[] colDepth = new double[0];
  private int[] colFog = new int[0];
  private int[][] colTex0 = new int[0][];
  private int[][] colTex1 = new int[0][];
  private int[] colBase0 = new int[0];
  private int[] colBase1 = new int[0];
  private int[] colFv = new int[0];
  private int[] colWidth = new int[0];
  private int[] colLevel = new int[0];
  private boolean[] colSmooth = new boolean[0];

  // per row of the unrotated view: the columns where the ground is seen
  private int[] rowGroundFrom = new int[0];
  private int[] rowGroundTo = new int[0];

  /**
   * @param noise the run's sensor noise, shared between its renderers (unused by {@link
   *     #renderBgra})
   */
  ScanlineRenderer(Forest forest, int width, int height, RunLook look, SensorNoise noise) {
    this.forest = forest;
    this.width = width;
    this.height = height;
    this.look = look;
    this.noise = noise;
    this.fogRgb = forest.tone(FOG_RGB);
    this.horizonRgb = forest.tone(HORIZON_RGB);
    this.smallWidth = (int) Math.round(width * CANONICAL_SCALE);
    this.smallHeight = (int) Math.round(height * CANONICAL_SCALE);
    this.warped = new Mat(smallHeight, smallWidth, opencv_core.CV_8UC4);
    this.full = new Mat(height, width, opencv_core.CV_8UC4);
    this.yuv = new Mat(height * 3 / 2, width, opencv_core.CV_8UC1);
    this.homographyData = new DoublePointer(homography.data());
    double norm = 1 - Math.exp(-Forest.FAR_M / 38);
    for (int i = 0; i < fogAlpha.length; i++) {
      double a = (1 - Math.exp(-(i / 4.0) / 38)) / norm;
      fogAlpha[i] = (int) Math.round(256 * Math.min(1, a * 0.92));
    }
  }

  /**
   * Renders one frame into {@code out} (planar YUV 4:2:0, I420, width*height*3/2 bytes).
   *
   * @param blurM distance (m) the camera moves while the shutter is open
   * @param frameSalt varies the sensor noise from frame to frame
   */
  @Override
  public void render(CameraPose pose, double blurM, long frameSalt, byte[] out) {
    renderBgra(pose, blurM);
    noise.addTo(full, frameSalt);
    opencv_imgproc.cvtColor(full, yuv, opencv_imgproc.COLOR_BGRA2YUV_I420);
    yuv.data().get(out, 0, width * height * 3 / 2);
  }

  /**
   * Renders one frame without sensor noise.
   *
   * @return the frame as BGRA, owned by this renderer and overwritten by its next frame
   */
  Mat renderBgra(CameraPose pose, double blurM) {
    forest.prepare(pose.distance());
    double fOut = pose.zoom() * width / 2.0;
    double[] toWorld = // output pixel -> world ray
        CameraRays.toWorld(
            pose, fOut, width / 2.0 + look.shiftX() * width, height / 2.0 + look.shiftY() * height);
    f = CANONICAL_SCALE * fOut;
    frame(toWorld);
    layoutColumns(pose, blurM);
    canonical(pose, blurM);
    canvasNative.put(canvas, 0, cw * ch);
    try (Mat src = new Mat(ch, cw, opencv_core.CV_8UC4, canvasNative)) {
      // unrotated pixel of a world ray (x, y, z): u = (x/z - aMin) f + M, v = (bMax - y/z) f + M
      double[] k = {f, 0, MARGIN_PX - aMin * f, 0, -f, MARGIN_PX + bMax * f, 0, 0, 1};
      // the warp fills a frame at the drawing's resolution (pixel centres scaled about 0.5)
      double sx = (double) smallWidth / width;
      double sy = (double) smallHeight / height;
      double[] unscale = {1 / sx, 0, 0.5 / sx - 0.5, 0, 1 / sy, 0.5 / sy - 0.5, 0, 0, 1};
      homographyData.put(CameraRays.mul(CameraRays.mul(k, toWorld), unscale));
      opencv_imgproc.warpPerspective(
          src,
          warped,
          homography,
          new Size(smallWidth, smallHeight),
          opencv_imgproc.INTER_LINEAR | opencv_imgproc.WARP_INVERSE_MAP,
          opencv_core.BORDER_REPLICATE,
          new Scalar());
    }
    opencv_imgproc.resize(warped, full, new Size(width, height), 0, 0, opencv_imgproc.INTER_LINEAR);
    return full;
  }

  @Override
  public void close() {
    warped.close();
    full.close();
    yuv.close();
    homography.close();
    canvasNative.close();
  }

  /** Sizes the unrotated view to cover every ray of the output frame. */
  private void frame(double[] toWorld) {
    double minA = Double.MAX_VALUE;
    double maxA = -Double.MAX_VALUE;
    double minB = Double.MAX_VALUE;
    double maxB = -Double.MAX_VALUE;
    for (int corner = 0; corner < 4; corner++) {
      double u = (corner & 1) == 0 ? -1 : width;
      double v = (corner & 2) == 0 ? -1 : height;
      double x = toWorld[0] * u + toWorld[1] * v + toWorld[2];
      double y = toWorld[3] * u + toWorld[4] * v + toWorld[5];
      double z = Math.max(1e-9, toWorld[6] * u + toWorld[7] * v + toWorld[8]);
      double a = Math.max(-MAX_SLOPE, Math.min(MAX_SLOPE, x / z));
      double b = Math.max(-MAX_SLOPE, Math.min(MAX_SLOPE, y / z));
      minA = Math.min(minA, a);
      maxA = Math.max(maxA, a);
      minB = Math.min(minB, b);
      maxB = Math.max(maxB, b);
    }
    aMin = minA;
    bMax = maxB;
    cw = (int) Math.ceil((maxA - minA) * f) + 2 * MARGIN_PX + 1;
    ch = (int) Math.ceil((maxB - minB) * f) + 2 * MARGIN_PX + 1;
    if (canvas.length < cw * ch) {
      canvas = new int[cw * ch];
      canvasNative.close();
      canvasNative = new IntPointer((long) cw * ch);
    }
    if (colDepth.length < cw) {
      colDepth = new double[cw];
      colFog = new int[cw];
      colTex0 = new int[cw][];
      colTex1 = new int[cw][];
      colBase0 = new int[cw];
      colBase1 = new int[cw];
      colFv = new int[cw];
      colWidth = new int[cw];
      colLevel = new int[cw];
      colSmooth = new boolean[cw];
    }
    if (rowGroundFrom.length < ch) {
      rowGroundFrom = new int[ch];
      rowGroundTo = new int[ch];
    }
  }

  /** The wall seen in each column of the unrotated view: one depth per column. */
  private void layoutColumns(CameraPose pose, double blurM) {
    double xc = pose.lateral();
    double zc = Forest.ORIGIN_M + pose.distance();
    double blurTexels = blurM * TilePainter.WALL_TPM;
    for (int x = 0; x < cw; x++) {
      double a = aMin + (x - MARGIN_PX) / f;
      boolean right = a > 0;
      double side = right ? TrailShape.HALF_WIDTH - xc : TrailShape.HALF_WIDTH + xc;
      double t = Math.abs(a) < 1e-9 ? Double.MAX_VALUE : side / Math.abs(a);
      colDepth[x] = t;
      if (t >= Forest.FAR_M) {
        colFog[x] = -1; // beyond the fog: nothing to sample
        continue;
      }
      double geo = TilePainter.WALL_TPM / f * t * Math.sqrt(t / side);
      strip.select(
          right ? forest.rightWall : forest.leftWall,
          (zc + t) * TilePainter.WALL_TPM,
          geo,
          blurTexels);
      colTex0[x] = strip.tex0;
      colTex1[x] = strip.tex1;
      colBase0[x] = strip.base0;
      colBase1[x] = strip.base1;
      colFv[x] = strip.fv;
      colWidth[x] = strip.width;
      colLevel[x] = strip.level;
      colSmooth[x] = strip.smooth;
      colFog[x] = fogAlpha[(int) (t * 4)];
    }
  }

  private void canonical(CameraPose pose, double blurM) {
    final double hc = pose.height();
    final double xc = pose.lateral();
    final double zc = Forest.ORIGIN_M + pose.distance();
    final double halfW = TrailShape.HALF_WIDTH;
    final double wallTop = TilePainter.WALL_HEIGHT - hc;
    final double groundBlur = blurM * TilePainter.GROUND_TPM;
    final int skyMask = TilePainter.SKY_SIZE - 1;
    final int[] sky = forest.sky;
    final int[] px = canvas;
    final int centre = clampColumn((int) Math.round(-aMin * f) + MARGIN_PX);
    // rows: ground (one depth per row) and sky (one cloud depth per row)
    for (int y = 0; y < ch; y++) {
      double b = rowSlope(y);
      int rowStart = y * cw;
      int groundFrom = centre;
      int groundTo = centre;
      double tg = b < -1e-9 ? hc / -b : Double.MAX_VALUE;
      if (b < -1e-9) {
        groundFrom = clampColumn((int) Math.ceil(((-halfW - xc) / tg - aMin) * f) + MARGIN_PX);
        groundTo =
            Math.max(
                groundFrom,
                clampColumn((int) Math.floor(((halfW - xc) / tg - aMin) * f) + MARGIN_PX + 1));
      }
      rowGroundFrom[y] = groundFrom;
      rowGroundTo[y] = groundTo;
      if (groundTo > groundFrom) {
        if (tg >= Forest.FAR_M) {
          Arrays.fill(px, rowStart + groundFrom, rowStart + groundTo, fogRgb);
        } else {
          double geo = TilePainter.GROUND_TPM / f * tg * Math.sqrt(tg / hc);
          strip.select(forest.ground, (zc + tg) * TilePainter.GROUND_TPM, geo, groundBlur);
          strip.drawRow(
              px,
              rowStart,
              groundFrom,
              groundTo,
              (xc + tg * (aMin + (groundFrom - MARGIN_PX) / f) + halfW) * TilePainter.GROUND_TPM,
              tg / f * TilePainter.GROUND_TPM,
              fogAlpha[(int) (tg * 4)],
              fogRgb);
        }
      }
      if (b > 1e-9) {
        double tc = (CLOUD_HEIGHT_M - hc) / b;
        int skyRow = ((int) ((zc + tc) / CLOUD_TEXEL_M) & skyMask) * TilePainter.SKY_SIZE;
        int haze = (int) Math.min(256, tc / 12);
        double skyU0 = (xc + tc * (aMin - MARGIN_PX / f)) / CLOUD_TEXEL_M;
        double skyDu = tc / f / CLOUD_TEXEL_M;
        double limit = wallTop / b; // walls nearer than this reach above this row
        for (int x = 0; x < cw; x++) {
          if (colDepth[x] >= limit) {
            int su = (int) (skyU0 + x * skyDu) & skyMask;
            px[rowStart + x] = TexelStrip.mix(sky[skyRow + su], horizonRgb, haze);
          }
        }
      }
    }
    // columns: tree walls (one depth per column), between the sky and the ground
    for (int x = 0; x < cw; x++) {
      wallColumn(px, x, wallTop);
    }
  }

  /** Slope y/z of the rays through row {@code y} of the unrotated view. */
  private double rowSlope(int y) {
    return bMax - (y - MARGIN_PX) / f;
  }

  /** Draws the wall part of column x: rows whose ray meets the wall below its top, above ground. */
  private void wallColumn(int[] px, int x, double wallTop) {
    double t = colDepth[x];
    // first row below the tree tops: b * t < wallTop, b falls with y
    int y = Math.max(0, (int) Math.floor(MARGIN_PX + (bMax - wallTop / t) * f));
    while (y < ch && rowSlope(y) * t >= wallTop) {
      y++;
    }
    int fog = colFog[x];
    if (fog < 0) {
      for (; y < ch && (x < rowGroundFrom[y] || x >= rowGroundTo[y]); y++) {
        px[y * cw + x] = fogRgb;
      }
      return;
    }
    final int[] t0 = colTex0[x];
    final int[] t1 = colTex1[x];
    final int b0 = colBase0[x];
    final int b1 = colBase1[x];
    final int w = colFv[x];
    final boolean bilinear = colSmooth[x];
    final double scale = TilePainter.WALL_TPM * TexelStrip.MIP_SCALE[colLevel[x]];
    final double maxU = colWidth[x] - 1.001;
    // texel row up the tree: (wallTop - t * b) * scale - 0.5, advancing by t / f * scale per row
    double u = (wallTop - t * rowSlope(y)) * scale - 0.5;
    final double du = t / f * scale;
    for (; y < ch && (x < rowGroundFrom[y] || x >= rowGroundTo[y]); y++, u += du) {
      double uu = u < 0 ? 0 : u > maxU ? maxU : u;
      int ui = (int) uu;
      int rgb;
      if (bilinear) {
        int fu = (int) ((uu - ui) * 256);
        rgb =
            TexelStrip.mix(
                TexelStrip.mix(t0[b0 + ui], t0[b0 + ui + 1], fu),
                TexelStrip.mix(t1[b1 + ui], t1[b1 + ui + 1], fu),
                w);
      } else {
        rgb = w < 128 ? t0[b0 + ui] : t1[b1 + ui];
      }
      px[y * cw + x] = fog < 4 ? rgb : TexelStrip.mix(rgb, fogRgb, fog);
    }
  }

  private int clampColumn(int x) {
    return Math.max(0, Math.min(cw, x));
  }
}
