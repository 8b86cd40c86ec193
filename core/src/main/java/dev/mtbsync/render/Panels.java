package dev.mtbsync.render;

/**
 * Where each run goes in the output picture for a layout: the slot each video is fitted into.
 *
 * @param newSlot the new run's slot
 * @param refSlot the reference's slot
 * @param inset true when the other (not followed) run is a small inset over the followed one
 */
record Panels(Box newSlot, Box refSlot, boolean inset) {

  /** Inset size as a share of the picture's width and height (pip). */
  static final double INSET_SHARE = 0.36;

  static Panels of(Layout layout, Follow follow, int width, int height) {
    return switch (layout) {
      case SIDE_BY_SIDE ->
          new Panels(
              new Box(0, 0, width / 2, height),
              new Box(width / 2, 0, width - width / 2, height),
              false);
      case STACKED ->
          new Panels(
              new Box(0, 0, width, height / 2),
              new Box(0, height / 2, width, height - height / 2),
              false);
      case OVERLAY -> {
        Box whole = new Box(0, 0, width, height);
        yield new Panels(whole, whole, false);
      }
      case PIP -> {
        Box whole = new Box(0, 0, width, height);
        int margin = Math.round(0.025f * Math.min(width, height));
        int iw = (int) (width * INSET_SHARE);
        int ih = (int) (height * INSET_SHARE);
        Box corner = new Box(width - margin - iw, margin, iw, ih);
        yield follow == Follow.NEW
            ? new Panels(whole, corner, true)
            : new Panels(corner, whole, true);
      }
    };
  }
}
