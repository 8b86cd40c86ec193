package dev.mtbsync.synth;

/** Box-filtered mip chains of packed 0xRRGGBB images. */
final class Mipmaps {

  private Mipmaps() {}

  /**
   * @param base level 0, {@code width * height} packed RGB pixels
   * @param levels number of levels including the base; each halves width and height, which must
   *     stay even down to the last level
   */
  static int[][] chain(int[] base, int width, int height, int levels) {
    int[][] chain = new int[levels][];
    chain[0] = base;
    int w = width;
    int h = height;
    for (int l = 1; l < levels; l++) {
      chain[l] = halve(chain[l - 1], w, h);
      w >>= 1;
      h >>= 1;
    }
    return chain;
  }

  static int[] halve(int[] src, int w, int h) {
    int hw = w >> 1;
    int hh = h >> 1;
    int[] dst = new int[hw * hh];
    for (int y = 0; y < hh; y++) {
      int r0 = 2 * y * w;
      int r1 = r0 + w;
      for (int x = 0; x < hw; x++) {
        int a = src[r0 + 2 * x];
        int b = src[r0 + 2 * x + 1];
        int c = src[r1 + 2 * x];
        int d = src[r1 + 2 * x + 1];
        int r = ((a >> 16 & 255) + (b >> 16 & 255) + (c >> 16 & 255) + (d >> 16 & 255) + 2) >> 2;
        int g = ((a >> 8 & 255) + (b >> 8 & 255) + (c >> 8 & 255) + (d >> 8 & 255) + 2) >> 2;
        int bl = ((a & 255) + (b & 255) + (c & 255) + (d & 255) + 2) >> 2;
        dst[y * hw + x] = r << 16 | g << 8 | bl;
      }
    }
    return dst;
  }
}
