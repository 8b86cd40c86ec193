package dev.mtbsync.render;

import dev.mtbsync.video.VideoFrame;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Puts one output picture together: both runs' frames in their places, then the burned-in facts.
 */
final class Compositor {

  private static final Scalar SEAM = new Scalar(20, 20, 20, 0);
  private static final Scalar BORDER = new Scalar(235, 235, 235, 0);

  private final Mat canvas;
  private final Panels panels;
  private final Box newBox;
  private final Box refBox;
  private final Follow follow;
  private final Layout layout;
  private final Hud hud;

  /**
   * @param canvas the output picture (BGR), cleared by the caller before each {@link #draw}
   * @param newBox where the new run's frames go (their size)
   * @param refBox where the reference's frames go (their size)
   */
  Compositor(Mat canvas, Panels panels, Box newBox, Box refBox, Follow follow, Layout layout) {
    this.canvas = canvas;
    this.panels = panels;
    this.newBox = newBox;
    this.refBox = refBox;
    this.follow = follow;
    this.layout = layout;
    this.hud = new Hud(canvas);
  }

  /**
   * Draws one moment.
   *
   * @param newFrame the new run's frame, or null where the warp does not cover
   * @param refFrame the reference's frame, or null where the warp does not cover
   */
  void draw(Moment m, VideoFrame newFrame, VideoFrame refFrame) {
    boolean followNew = follow == Follow.NEW;
    // the followed run first: in a picture-in-picture it is the full picture under the inset
    if (followNew) {
      picture(newFrame, newBox);
      picture(refFrame, refBox);
    } else {
      picture(refFrame, refBox);
      picture(newFrame, newBox);
    }
    if (panels.inset()) {
      Box inset = followNew ? refBox : newBox;
      int t = Math.max(2, canvas.rows() / 360);
      try (Rect r =
          new Rect(inset.x() - t, inset.y() - t, inset.width() + 2 * t, inset.height() + 2 * t)) {
        opencv_imgproc.rectangle(canvas, r, BORDER, t, opencv_imgproc.LINE_8, 0);
      }
    } else {
      seam();
    }
    hud.label(newBox, "NEW", m.elapsedNew(), panels.inset() && !followNew);
    hud.label(refBox, "REFERENCE", m.elapsedRef(), panels.inset() && followNew);
    int w = canvas.cols();
    int h = canvas.rows();
    if (layout == Layout.STACKED) {
      hud.gap(m.gapSec(), w / 2, h / 2, true, true);
    } else {
      hud.gap(m.gapSec(), w / 2, Math.round(h * 0.02f), false, false);
    }
    hud.passing(m.passed(), hud.sector(m.sector()));
  }

  private void picture(VideoFrame frame, Box box) {
    if (frame != null) {
      ComparisonRenderer.blit(canvas, frame, box);
    } else {
      hud.noMatch(box, "the warp does not cover this moment");
    }
  }

  /** A dark line between two side-by-side or stacked pictures. */
  private void seam() {
    int t = Math.max(2, canvas.rows() / 270);
    boolean across = layout == Layout.STACKED;
    int at = across ? panels.refSlot().y() : panels.refSlot().x();
    try (Point a = across ? new Point(0, at) : new Point(at, 0);
        Point b = across ? new Point(canvas.cols(), at) : new Point(at, canvas.rows())) {
      opencv_imgproc.line(canvas, a, b, SEAM, t, opencv_imgproc.LINE_8, 0);
    }
  }
}
