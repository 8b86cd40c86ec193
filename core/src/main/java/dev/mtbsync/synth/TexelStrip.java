package dev.mtbsync.synth;

/**
 * One texture row chosen for a run of pixels at one depth (a ground row or a wall column of {@link
 * ScanlineRenderer}'s unrotated view): the two texel rows to blend, the blend weight, the mip level
 * and whether to filter, and the texel arithmetic on packed 0x00RRGGBB pixels. Mutable and reused,
 * as the renderer selects a row for every row and column of every frame.
 */
final class TexelStrip {

  static final double[] MIP_SCALE = new double[Forest.LEVELS];

  static {
    for (int l = 0; l < MIP_SCALE.length; l++) {
      MIP_SCALE[l] = 1.0 / (1 << l);
    }
  }

  int[] tex0;
  int[] tex1;
  int base0;
  int base1;
  int fv;
  int width;
  int level;
  boolean smooth;

  /**
   * Selects one texture row at a fixed position along the trail, at the mip level fitting the pixel
   * footprint there; bilinear while texels are magnified, nearest once the level has averaged
   * several texels into one.
   *
   * @param along texel coordinate along the trail at level 0
   * @param footprint texels covered by one pixel at level 0, from geometry
   * @param blur texels smeared by motion while the shutter is open, at level 0
   */
  void select(Forest.TileRing ring, double along, double footprint, double blur) {
    double eff = Math.max(footprint, blur);
    level = eff < 2 ? 0 : Math.min(Forest.LEVELS - 1, Math.getExponent(eff));
    smooth = footprint < (1 << level);
    width = ring.widths[level];
    int shift = ring.rowBits[level];
    int rowMask = (1 << shift) - 1;
    double v = along * MIP_SCALE[level] - 0.5; // positive: the world starts at ORIGIN_M
    int vi = (int) v;
    int k = vi >> shift;
    int row = vi & rowMask;
    fv = (int) ((v - vi) * 256);
    tex0 = ring.level(k, level);
    base0 = row * width;
    if (row < rowMask) {
      tex1 = tex0;
      base1 = base0 + width;
    } else { // the next row is the first of the next tile
      tex1 = ring.level(k + 1, level);
      base1 = 0;
    }
  }

  /**
   * Draws texels of the selected row into {@code px[rowStart + from .. rowStart + to)}: u advances
   * by a constant step (floor casting), then fog of weight {@code fog} (0..256) over it.
   */
  void drawRow(
      int[] px, int rowStart, int from, int to, double u0, double du, int fog, int fogRgb) {
    final double scale = MIP_SCALE[level];
    final int[] t0 = tex0;
    final int[] t1 = tex1;
    final int b0 = base0;
    final int b1 = base1;
    final int w = fv;
    final int lastU = width - 2;
    // u in 16.16 fixed point; the ground lies within the texture's width, so only clamp the ends
    int u = (int) (Math.max(0, u0 * scale - 0.5) * 65536);
    final int step = (int) (du * scale * 65536);
    final int end = rowStart + to;
    if (smooth) {
      for (int i = rowStart + from; i < end; i++, u += step) {
        int ui = Math.min(u >> 16, lastU);
        int fu = (u >> 8) & 255;
        int top = mix(t0[b0 + ui], t0[b0 + ui + 1], fu);
        px[i] = mix(top, mix(t1[b1 + ui], t1[b1 + ui + 1], fu), w);
      }
    } else {
      final int[] t = w < 128 ? t0 : t1;
      final int b = w < 128 ? b0 : b1;
      for (int i = rowStart + from; i < end; i++, u += step) {
        px[i] = t[b + Math.min(u >> 16, lastU)];
      }
    }
    if (fog >= 4) {
      for (int i = rowStart + from; i < end; i++) {
        px[i] = mix(px[i], fogRgb, fog);
      }
    }
  }

  /** a*(1-w) + b*w per channel, w in 0..256; red and blue are blended in one multiply. */
  static int mix(int a, int b, int w) {
    int iw = 256 - w;
    int rb = (((a & 0xFF00FF) * iw + (b & 0xFF00FF) * w) >>> 8) & 0xFF00FF;
    int g = (((a & 0x00FF00) * iw + (b & 0x00FF00) * w) >>> 8) & 0x00FF00;
    return rb | g;
  }
}
