package dev.mtbsync.render;

/**
 * A rectangle of the output picture, in px from its top-left corner.
 *
 * @param x left edge
 * @param y top edge
 * @param width width
 * @param height height
 */
record Box(int x, int y, int width, int height) {

  /**
   * The largest box of a picture's shape ({@code w} x {@code h}) that fits inside this one,
   * centred, with even sides (the decoder's scaler and the encoder like even sizes).
   */
  Box fit(int w, int h) {
    double scale = Math.min((double) width / w, (double) height / h);
    int fw = Math.max(2, (int) Math.floor(w * scale / 2) * 2);
    int fh = Math.max(2, (int) Math.floor(h * scale / 2) * 2);
    return new Box(x + (width - fw) / 2, y + (height - fh) / 2, fw, fh);
  }

  /** As {@link #fit}, but in this box's top-right corner (a picture-in-picture inset). */
  Box fitTopRight(int w, int h) {
    Box f = fit(w, h);
    return new Box(x + width - f.width, y, f.width, f.height);
  }

  int centreX() {
    return x + width / 2;
  }

  int bottom() {
    return y + height;
  }
}
