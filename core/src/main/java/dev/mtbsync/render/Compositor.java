package dev.mtbsync.render;

import dev.mtbsync.video.VideoFrame;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Puts one output picture together: both runs' frames in their places (or, for the overlay, the
 * other run registered onto the followed one and blended over it), then the burned-in facts.
 */
final class Compositor implements AutoCloseable {

  /** The ghost's share of the overlay's blend; the followed run keeps the rest. */
  static final double GHOST = 0.45;

  private static final Scalar SEAM = new Scalar(20, 20, 20, 0);
  private static final Scalar BORDER = new Scalar(235, 235, 235, 0);

  private final Mat canvas;
  private final Panels panels;
  private final Box newBox;
  private final Box refBox;
  private final Follow follow;
  private final Layout layout;
  private final Hud hud;
  private final Registration registration;
  private Ghost ghost; // made at the followed frames' size when the first ghost is drawn
  private final Mat frameMat = new Mat();

  /**
   * @param canvas the output picture (BGR), cleared by the caller before each {@link #draw}
   * @param newBox where the new run's frames go (their size)
   * @param refBox where the reference's frames go (their size)
   * @param registration for the overlay layout, where the other run's frame lies in the followed
   *     one's; null for the other layouts. Closed with this compositor.
   */
  Compositor(
      Mat canvas,
      Panels panels,
      Box newBox,
      Box refBox,
      Follow follow,
      Layout layout,
      Registration registration) {
    this.canvas = canvas;
    this.panels = panels;
    this.newBox = newBox;
    this.refBox = refBox;
    this.follow = follow;
    this.layout = layout;
    this.hud = new Hud(canvas);
    this.registration = registration;
  }

  /**
   * Draws one moment.
   *
   * @param newFrame the new run's frame, or null where the warp does not cover
   * @param refFrame the reference's frame, or null where the warp does not cover
   */
  void draw(Moment m, VideoFrame newFrame, VideoFrame refFrame) {
    boolean followNew = follow == Follow.NEW;
    if (layout == Layout.OVERLAY) {
      overlay(m, followNew ? newFrame : refFrame, followNew ? refFrame : newFrame);
      return;
    }
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

  /**
   * The followed frame full, the other warped onto it by the registration's homography and blended
   * in where it lands (outside, the followed picture stays as it is).
   */
  private void overlay(Moment m, VideoFrame followed, VideoFrame other) {
    boolean followNew = follow == Follow.NEW;
    Box box = followNew ? newBox : refBox;
    if (other == null) {
      blit(followed, box);
    } else {
      // composed at the followed frame's own size, then scaled into place once: blending after
      // scaling would give the same picture with more pixels to blend (a 1280x720 run in a 1080p
      // picture: 2.25 times as many)
      double[] h = registration.at(followNew ? m.tNew() : m.tRef(), followed, other);
      double sx = (double) followed.width() / box.width();
      double sy = (double) followed.height() / box.height();
      double[] toFrame = {
        h[0] * sx, h[1] * sx, h[2] * sx, h[3] * sy, h[4] * sy, h[5] * sy, h[6], h[7], h[8]
      };
      if (ghost == null || !ghost.fits(followed.width(), followed.height())) {
        if (ghost != null) {
          ghost.close();
        }
        ghost = new Ghost(followed.width(), followed.height());
      }
      load(followed);
      ghost.blend(frameMat, other, toFrame);
      place(box);
    }
    String ghostName = followNew ? "REFERENCE (GHOST)" : "NEW (GHOST)";
    int below =
        hud.label(
            box, followNew ? "NEW" : "REFERENCE", followNew ? m.elapsedNew() : m.elapsedRef());
    hud.label(
        new Box(box.x(), below, box.width(), box.bottom() - below),
        ghostName,
        followNew ? m.elapsedRef() : m.elapsedNew());
    if (other == null) {
      hud.noGhost(box, "no ghost: the warp does not cover this moment");
    }
    hud.gap(m.gapSec(), canvas.cols() / 2, Math.round(canvas.rows() * 0.02f), false, false);
    hud.passing(m.passed(), hud.sector(m.sector()));
  }

  @Override
  public void close() {
    frameMat.close();
    if (ghost != null) {
      ghost.close();
    }
    if (registration != null) {
      registration.close();
    }
  }

  private void picture(VideoFrame frame, Box box) {
    if (frame != null) {
      blit(frame, box);
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

  /**
   * Copies a decoded frame (packed BGR) into its place, scaling it when it was decoded at another
   * size (see {@link ComparisonRenderer}).
   */
  private void blit(VideoFrame frame, Box box) {
    load(frame);
    place(box);
  }

  /** Puts a decoded frame's pixels (packed BGR) into the frame buffer, sized to it. */
  private void load(VideoFrame frame) {
    frameMat.create(frame.height(), frame.width(), opencv_core.CV_8UC3);
    frameMat.data().put(frame.pixels());
  }

  /** Copies the frame buffer into its place, scaling it when its size is another. */
  private void place(Box box) {
    try (Rect r = new Rect(box.x(), box.y(), box.width(), box.height());
        Mat dst = canvas.apply(r)) {
      if (frameMat.cols() == box.width() && frameMat.rows() == box.height()) {
        frameMat.copyTo(dst);
      } else {
        opencv_imgproc.resize(frameMat, dst, dst.size(), 0, 0, opencv_imgproc.INTER_LINEAR);
      }
    }
  }
}
