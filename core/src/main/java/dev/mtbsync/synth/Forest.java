package dev.mtbsync.synth;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * The textured world a camera looks at: ground and two tree walls as rings of mip-mapped 4 m tiles
 * around the camera, painted on demand, plus a wrapping sky. Textures are stored already passed
 * through the run's tone curve (exposure, white balance, gamma), which is cheaper than toning every
 * pixel of every frame.
 *
 * <p>Memory stays flat with run length: only {@link #RING} tiles per surface (128 m of trail) are
 * held. One view needs {@link #FAR_M} + 4 m of them, so two cameras a few metres apart (two
 * consecutive frames rendered at once) never evict each other's tiles.
 */
final class Forest {

  /** Tiles held per surface. */
  static final int RING = 32;

  /** Nothing is drawn farther than this (m); fog reaches full strength there. */
  static final double FAR_M = 90;

  /**
   * World z of trail distance 0. Keeps tile indices positive for runs that start before the
   * reference does.
   */
  static final double ORIGIN_M = 1000;

  static final int LEVELS = 6;

  final TileRing ground;
  final TileRing leftWall;
  final TileRing rightWall;
  final int[] sky;

  private final TilePainter painter;
  private final IntUnaryOperator tone;

  /**
   * @param tone maps a packed 0xRRGGBB colour to the run's rendering of it
   */
  Forest(long seed, TrailShape shape, IntUnaryOperator tone) {
    this.painter = new TilePainter(seed, shape);
    this.tone = tone;
    ground = new TileRing(TilePainter.GROUND_W, TilePainter.GROUND_H);
    // wall tiles are stored transposed: rows along z, columns up the trees
    leftWall = new TileRing(TilePainter.WALL_H, TilePainter.WALL_W);
    rightWall = new TileRing(TilePainter.WALL_H, TilePainter.WALL_W);
    sky = toned(painter.sky());
  }

  /** Paints whatever tiles a camera at trail distance {@code s} (m) can see. Thread-safe. */
  synchronized void prepare(double s) {
    long first = (long) Math.floor((ORIGIN_M + s - 2) / TilePainter.TILE_M);
    long last = (long) Math.floor((ORIGIN_M + s + FAR_M + 2) / TilePainter.TILE_M);
    if (first < 0 || last - first + 1 > RING) {
      throw new IllegalStateException("camera outside the paintable world at s=" + s);
    }
    for (long k = first; k <= last; k++) {
      final long tile = k;
      ground.ensure(tile, () -> toned(painter.ground(tile)));
      leftWall.ensure(tile, () -> toned(painter.wall(tile, false)));
      rightWall.ensure(tile, () -> toned(painter.wall(tile, true)));
    }
  }

  int tone(int rgb) {
    return tone.applyAsInt(rgb);
  }

  private int[] toned(int[] pixels) {
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = tone.applyAsInt(pixels[i]);
    }
    return pixels;
  }

  /** One surface's ring of tiles, each with its mip chain. */
  static final class TileRing {
    final int[] widths = new int[LEVELS];
    final int[] heights = new int[LEVELS];

    /** log2 of the tile height at each level: tile heights are powers of two. */
    final int[] rowBits = new int[LEVELS];

    private final int[][][] mips = new int[RING][][];
    private final long[] owner = new long[RING];

    TileRing(int width, int height) {
      if (Integer.bitCount(height) != 1) {
        throw new IllegalArgumentException("tile height must be a power of two: " + height);
      }
      for (int l = 0; l < LEVELS; l++) {
        widths[l] = width >> l;
        heights[l] = height >> l;
        rowBits[l] = Integer.numberOfTrailingZeros(heights[l]);
      }
      Arrays.fill(owner, -1);
    }

    /** Level {@code level} of tile {@code k}; the tile must have been prepared. */
    int[] level(int k, int level) {
      return mips[k & (RING - 1)][level];
    }

    void ensure(long k, Supplier<int[]> paint) {
      int slot = (int) (k & (RING - 1));
      if (owner[slot] != k) {
        mips[slot] = Mipmaps.chain(paint.get(), widths[0], heights[0], LEVELS);
        owner[slot] = k;
      }
    }
  }
}
