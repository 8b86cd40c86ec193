package dev.mtbsync.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.SplittableRandom;

/**
 * Paints the forest: 4 m tiles of ground (dirt line, leaf litter, rocks, roots, sticks, grass) and
 * of the two tree walls (trunks, bark, branches, foliage), plus a cloud texture for the sky.
 *
 * <p>DESIGN NOTE: the scene is made of drawn objects, not noise, so a feature detector finds
 * corners that persist from frame to frame and differ from place to place, as on a real trail. Each
 * tile's objects come from a generator seeded by (world seed, surface, tile index); a tile also
 * paints its neighbours' objects shifted by one tile, so nothing is cut at a tile seam.
 */
final class TilePainter {

  static final double TILE_M = 4.0;
  static final int GROUND_TPM = 64;
  static final int WALL_TPM = 32;
  static final double WALL_HEIGHT = 14.0;
  static final int GROUND_W = (int) (2 * TrailShape.HALF_WIDTH * GROUND_TPM);
  static final int GROUND_H = (int) (TILE_M * GROUND_TPM);
  static final int WALL_W = (int) (TILE_M * WALL_TPM);
  static final int WALL_H = (int) (WALL_HEIGHT * WALL_TPM);
  static final int SKY_SIZE = 512;

  private final long seed;
  private final TrailShape shape;

  TilePainter(long seed, TrailShape shape) {
    this.seed = seed;
    this.shape = shape;
  }

  /** Ground tile k covers z in [k, k+1) * TILE_M; image rows run along z, columns across. */
  int[] ground(long k) {
    BufferedImage img = new BufferedImage(GROUND_W, GROUND_H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = begin(img);
    SplittableRandom base = rng(1, k);
    g.setColor(new Color(74, 66, 44));
    g.fillRect(0, 0, GROUND_W, GROUND_H);
    for (long n = k - 1; n <= k + 1; n++) {
      g.translate(0, (n - k) * GROUND_H);
      patches(g, rng(2, n));
      g.translate(0, -(n - k) * GROUND_H);
    }
    dirtLine(g, k, base);
    for (long n = k - 1; n <= k + 1; n++) {
      g.translate(0, (n - k) * GROUND_H);
      groundObjects(g, rng(3, n), n);
      g.translate(0, -(n - k) * GROUND_H);
    }
    g.dispose();
    return pixels(img);
  }

  /**
   * Wall tile k of one side, painted with columns along z and row 0 at the tree tops, returned
   * transposed (rows along z, like the ground) so every surface's tiles follow one another by row.
   */
  int[] wall(long k, boolean right) {
    BufferedImage img = new BufferedImage(WALL_W, WALL_H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = begin(img);
    g.setPaint(new GradientPaint(0, 0, new Color(88, 112, 84), 0, WALL_H, new Color(22, 30, 20)));
    g.fillRect(0, 0, WALL_W, WALL_H);
    int surface = right ? 10 : 20;
    for (long n = k - 1; n <= k + 1; n++) {
      g.translate((n - k) * WALL_W, 0);
      foliage(g, rng(surface, n), 70, 0, WALL_H, 0.55f);
      g.translate(-(n - k) * WALL_W, 0);
    }
    for (long n = k - 1; n <= k + 1; n++) {
      g.translate((n - k) * WALL_W, 0);
      trees(g, rng(surface + 1, n));
      g.translate(-(n - k) * WALL_W, 0);
    }
    for (long n = k - 1; n <= k + 1; n++) {
      g.translate((n - k) * WALL_W, 0);
      foliage(g, rng(surface + 2, n), 30, WALL_H - 2.2 * WALL_TPM, WALL_H, 0.85f);
      g.translate(-(n - k) * WALL_W, 0);
    }
    g.dispose();
    return transpose(pixels(img), WALL_W, WALL_H);
  }

  private static int[] transpose(int[] src, int w, int h) {
    int[] dst = new int[src.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        dst[x * h + y] = src[y * w + x];
      }
    }
    return dst;
  }

  /** A seamless (wrapping) sky with soft clouds, SKY_SIZE square. */
  int[] sky() {
    BufferedImage img = new BufferedImage(SKY_SIZE, SKY_SIZE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = begin(img);
    g.setColor(new Color(150, 185, 222));
    g.fillRect(0, 0, SKY_SIZE, SKY_SIZE);
    SplittableRandom r = rng(30, 0);
    for (int i = 0; i < 90; i++) {
      double x = r.nextDouble() * SKY_SIZE;
      double y = r.nextDouble() * SKY_SIZE;
      double w = 20 + r.nextDouble() * 90;
      double h = w * (0.3 + 0.4 * r.nextDouble());
      g.setColor(new Color(245, 247, 250, 40 + r.nextInt(60)));
      for (int dx = -1; dx <= 1; dx++) {
        for (int dy = -1; dy <= 1; dy++) {
          fill(g, new Ellipse2D.Double(x - w / 2 + dx * SKY_SIZE, y - h / 2 + dy * SKY_SIZE, w, h));
        }
      }
    }
    g.dispose();
    return pixels(img);
  }

  private void patches(Graphics2D g, SplittableRandom r) {
    for (int i = 0; i < 26; i++) {
      double w = 40 + r.nextDouble() * 180;
      double h = 30 + r.nextDouble() * 120;
      int light = r.nextInt(4);
      Color c =
          switch (light) {
            case 0 -> new Color(120, 100, 52, 70); // dry leaves
            case 1 -> new Color(56, 82, 40, 80); // moss
            case 2 -> new Color(40, 34, 24, 70); // damp soil
            default -> new Color(196, 182, 130, 50); // sun fleck
          };
      g.setColor(c);
      fill(
          g,
          new Ellipse2D.Double(r.nextDouble() * GROUND_W - w / 2, r.nextDouble() * GROUND_H, w, h));
    }
    g.setStroke(new BasicStroke(1.5f));
    for (int i = 0; i < 160; i++) { // grass blades, mostly off the line
      double x = r.nextDouble() * GROUND_W;
      double z = r.nextDouble() * GROUND_H;
      g.setColor(new Color(60 + r.nextInt(40), 100 + r.nextInt(50), 40 + r.nextInt(20)));
      draw(g, new Line2D.Double(x, z, x + r.nextDouble() * 10 - 5, z + 4 + r.nextDouble() * 8));
    }
  }

  private void dirtLine(Graphics2D g, long k, SplittableRandom r) {
    Path2D.Double band = new Path2D.Double();
    int steps = 32;
    double z0 = k * TILE_M;
    for (int i = 0; i <= steps; i++) {
      double z = z0 + TILE_M * i / steps;
      double x = column(shape.centreAt(z) - halfLineWidth(z));
      double row = (z - z0) * GROUND_TPM;
      if (i == 0) {
        band.moveTo(x, row);
      } else {
        band.lineTo(x, row);
      }
    }
    for (int i = steps; i >= 0; i--) {
      double z = z0 + TILE_M * i / steps;
      band.lineTo(column(shape.centreAt(z) + halfLineWidth(z)), (z - z0) * GROUND_TPM);
    }
    band.closePath();
    g.setColor(new Color(126, 98, 68));
    fill(g, band);
    g.setStroke(new BasicStroke(6f));
    g.setColor(new Color(96, 78, 54));
    draw(g, band);
    for (int i = 0; i < 240; i++) { // grit and ruts on the line
      double z = z0 + r.nextDouble() * TILE_M;
      double x = shape.centreAt(z) + (r.nextDouble() - 0.5) * 2 * halfLineWidth(z);
      double s = 2 + r.nextDouble() * 5;
      int v = 70 + r.nextInt(90);
      g.setColor(new Color(v + 20, v, v - 20 < 0 ? 0 : v - 20, 190));
      fill(g, new Ellipse2D.Double(column(x) - s / 2, (z - z0) * GROUND_TPM, s, s * 0.8));
    }
  }

  private double halfLineWidth(double z) {
    return 0.6 + 0.15 * Math.sin(z / 5.3) + 0.08 * Math.sin(z / 1.7);
  }

  private void groundObjects(Graphics2D g, SplittableRandom r, long n) {
    for (int i = 0; i < 34; i++) { // rocks
      double s = 6 + Math.pow(r.nextDouble(), 2.5) * 46;
      double x = r.nextDouble() * GROUND_W;
      double z = r.nextDouble() * GROUND_H;
      int v = 95 + r.nextInt(70);
      g.setColor(new Color(v - 35, v - 35, v - 30));
      fill(g, new Ellipse2D.Double(x - s / 2, z - s * 0.35, s, s * 0.7));
      g.setColor(new Color(v + 10, v + 8, v));
      fill(g, new Ellipse2D.Double(x - s * 0.38, z - s * 0.3, s * 0.6, s * 0.42));
    }
    for (int i = 0; i < 5; i++) { // roots crossing the line
      double z = r.nextDouble() * GROUND_H;
      double x = column(shape.centreAt(n * TILE_M + z / GROUND_TPM)) - 90 - r.nextDouble() * 60;
      double span = 160 + r.nextDouble() * 120;
      g.setStroke(new BasicStroke(3 + r.nextFloat() * 6, BasicStroke.CAP_ROUND, 0));
      g.setColor(new Color(62 + r.nextInt(30), 44 + r.nextInt(20), 30));
      draw(
          g,
          new CubicCurve2D.Double(
              x,
              z,
              x + span * 0.3,
              z + (r.nextDouble() - 0.5) * 60,
              x + span * 0.7,
              z + (r.nextDouble() - 0.5) * 60,
              x + span,
              z + (r.nextDouble() - 0.5) * 40));
    }
    for (int i = 0; i < 18; i++) { // sticks
      double x = r.nextDouble() * GROUND_W;
      double z = r.nextDouble() * GROUND_H;
      double len = 20 + r.nextDouble() * 70;
      double a = r.nextDouble() * Math.PI;
      g.setStroke(new BasicStroke(1.5f + r.nextFloat() * 3, BasicStroke.CAP_ROUND, 0));
      g.setColor(new Color(90 + r.nextInt(50), 70 + r.nextInt(30), 45));
      draw(g, new Line2D.Double(x, z, x + Math.cos(a) * len, z + Math.sin(a) * len));
    }
    for (int i = 0; i < 260; i++) { // fallen leaves
      double x = r.nextDouble() * GROUND_W;
      double z = r.nextDouble() * GROUND_H;
      double s = 3 + r.nextDouble() * 6;
      int hue = r.nextInt(4);
      Color c =
          switch (hue) {
            case 0 -> new Color(196, 120, 40);
            case 1 -> new Color(170, 150, 60);
            case 2 -> new Color(120, 60, 30);
            default -> new Color(90, 120, 50);
          };
      g.setColor(c);
      fill(g, new Ellipse2D.Double(x, z, s, s * (0.45 + 0.3 * r.nextDouble())));
    }
  }

  private void trees(Graphics2D g, SplittableRandom r) {
    int count = 2 + r.nextInt(3);
    for (int i = 0; i < count; i++) {
      double x = r.nextDouble() * WALL_W;
      double w = 8 + r.nextDouble() * 22;
      boolean birch = r.nextInt(5) == 0;
      Color bark =
          birch
              ? new Color(210, 206, 196)
              : new Color(70 + r.nextInt(40), 56 + r.nextInt(30), 40 + r.nextInt(20));
      Path2D.Double trunk = new Path2D.Double();
      trunk.moveTo(x - w / 2, WALL_H);
      trunk.lineTo(x - w * 0.3, 0);
      trunk.lineTo(x + w * 0.3, 0);
      trunk.lineTo(x + w / 2, WALL_H);
      trunk.closePath();
      g.setColor(bark);
      fill(g, trunk);
      g.setStroke(new BasicStroke(1.2f));
      for (int j = 0; j < 14; j++) { // bark furrows or birch marks
        double y = r.nextDouble() * WALL_H;
        double half = w * (0.3 + 0.2 * y / WALL_H);
        if (birch) {
          g.setColor(new Color(30, 30, 30));
          double bx = x - half + r.nextDouble() * half;
          fill(g, new Ellipse2D.Double(bx, y, 2 + r.nextDouble() * half, 2 + r.nextDouble() * 3));
        } else {
          g.setColor(bark.darker());
          double bx = x + (r.nextDouble() - 0.5) * 1.6 * half;
          draw(
              g, new Line2D.Double(bx, y, bx + (r.nextDouble() - 0.5) * 3, y + 20 + r.nextInt(60)));
        }
      }
      g.setColor(bark.darker());
      for (int j = 0; j < 4 + r.nextInt(4); j++) { // branches
        double y = WALL_H * (0.1 + 0.5 * r.nextDouble());
        double len = 20 + r.nextDouble() * 50;
        double dir = r.nextBoolean() ? 1 : -1;
        g.setStroke(new BasicStroke(2 + r.nextFloat() * 3, BasicStroke.CAP_ROUND, 0));
        draw(g, new Line2D.Double(x, y, x + dir * len, y - len * (0.3 + 0.5 * r.nextDouble())));
      }
    }
  }

  private void foliage(
      Graphics2D g, SplittableRandom r, int count, double top, double bottom, float maxAlpha) {
    for (int i = 0; i < count; i++) {
      double w = 12 + r.nextDouble() * 50;
      double h = w * (0.5 + 0.6 * r.nextDouble());
      double x = r.nextDouble() * WALL_W;
      double y = top + r.nextDouble() * (bottom - top);
      float a = 0.25f + r.nextFloat() * (maxAlpha - 0.25f);
      g.setColor(
          new Color(
              30 + r.nextInt(50), 70 + r.nextInt(80), 25 + r.nextInt(35), Math.round(a * 255)));
      fill(g, new Ellipse2D.Double(x - w / 2, y - h / 2, w, h));
    }
  }

  private double column(double lateralM) {
    return (lateralM + TrailShape.HALF_WIDTH) * GROUND_TPM;
  }

  private SplittableRandom rng(int surface, long tile) {
    long mixed = seed * 0x9E3779B97F4A7C15L + surface * 0xC2B2AE3D27D4EB4FL + tile * 0x165667B1L;
    return new SplittableRandom(mixed);
  }

  private static Graphics2D begin(BufferedImage img) {
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setClip(0, 0, img.getWidth(), img.getHeight());
    return g;
  }

  /** Fills a shape unless it lies wholly off the tile (neighbours' objects mostly do). */
  private static void fill(Graphics2D g, Shape shape) {
    if (touches(g, shape.getBounds2D(), 0)) {
      g.fill(shape);
    }
  }

  /** Strokes a shape unless it lies wholly off the tile. */
  private static void draw(Graphics2D g, Shape shape) {
    float pad = g.getStroke() instanceof BasicStroke b ? b.getLineWidth() : 1;
    if (touches(g, shape.getBounds2D(), pad)) {
      g.draw(shape);
    }
  }

  private static boolean touches(Graphics2D g, Rectangle2D b, double pad) {
    int x = (int) Math.floor(b.getMinX() - pad);
    int y = (int) Math.floor(b.getMinY() - pad);
    return g.hitClip(
        x,
        y,
        (int) Math.ceil(b.getWidth() + 2 * pad) + 1,
        (int) Math.ceil(b.getHeight() + 2 * pad) + 1);
  }

  private static int[] pixels(BufferedImage img) {
    return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
  }
}
