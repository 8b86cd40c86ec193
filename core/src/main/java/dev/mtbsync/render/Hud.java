package dev.mtbsync.render;

import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_DUPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Draws the burned-in facts over a composed picture: each run's name and elapsed time, the gap, the
 * sector, the gate just passed with its split, and the "no match here" card.
 *
 * <p>DESIGN NOTE: sizes scale with the picture's short side (a 1080 px short side is scale 1), so a
 * phone showing the video full screen shows text about as tall whatever the output size. The gap,
 * the one number a rider looks for, is the largest (capitals about 4.5 % of the short side); names,
 * times and the sector about 3 %; the small explanatory lines about 2 %. Text sits on darkened
 * boxes so it reads over snow and sky alike. OpenCV's Hershey font has ASCII only, so signs are '+'
 * and '-' and other characters show as '?'.
 */
final class Hud {

  static final Scalar WHITE = new Scalar(255, 255, 255, 0);
  static final Scalar GREY = new Scalar(200, 200, 200, 0);
  static final Scalar AMBER = new Scalar(0, 200, 255, 0);
  static final Scalar RED_FILL = new Scalar(40, 40, 210, 0);
  static final Scalar GREEN_FILL = new Scalar(40, 150, 40, 0);
  static final Scalar LEVEL_FILL = new Scalar(90, 90, 90, 0);
  static final Scalar RED_TEXT = new Scalar(80, 80, 255, 0);
  static final Scalar GREEN_TEXT = new Scalar(90, 230, 90, 0);
  static final Scalar CARD_FILL = new Scalar(45, 45, 45, 0);
  static final Scalar STRIPE = new Scalar(62, 62, 62, 0);

  /** Below this (s) the gap shows as level: the warp is not finer than a frame or so. */
  static final double LEVEL_SEC = 0.005;

  private enum Align {
    TOP_LEFT,
    TOP_CENTRE,
    CENTRE,
    BOTTOM_CENTRE
  }

  private record Line(String text, double scale, Scalar colour) {}

  private final Mat canvas;
  private final double unit;
  private final int margin;

  /**
   * @param canvas the output picture (BGR), drawn on in place
   */
  Hud(Mat canvas) {
    this.canvas = canvas;
    this.unit = Math.min(canvas.cols(), canvas.rows()) / 1080.0;
    this.margin = (int) Math.round(22 * unit);
  }

  /** A run's name and elapsed time at the top-left of its picture; smaller on an inset. */
  void label(Box video, String name, double elapsedSec, boolean small) {
    labelAt(video, name, elapsedSec, small ? 1.0 : 1.4);
  }

  /**
   * A full-size label at the top-left of {@code video}.
   *
   * @return the y (px) just below it, where a second label can go
   */
  int label(Box video, String name, double elapsedSec) {
    return labelAt(video, name, elapsedSec, 1.4).bottom();
  }

  private Box labelAt(Box video, String name, double elapsedSec, double size) {
    double s = size * unit;
    return card(
        List.of(new Line(name + "  " + elapsed(elapsedSec), s, WHITE)),
        video.x() + margin / 2,
        video.y() + margin / 2,
        Align.TOP_LEFT,
        null,
        video.width());
  }

  /**
   * The gap as a coloured badge: red when the new run is behind, green when ahead.
   *
   * @param large true where the layout leaves room for a bigger badge (between stacked pictures)
   */
  void gap(double gapSec, int x, int y, boolean centred, boolean large) {
    if (Double.isNaN(gapSec)) {
      return;
    }
    boolean level = Math.abs(gapSec) < LEVEL_SEC;
    Scalar fill = level ? LEVEL_FILL : gapSec > 0 ? RED_FILL : GREEN_FILL;
    String word = level ? "NEW RUN LEVEL" : gapSec > 0 ? "NEW RUN BEHIND" : "NEW RUN AHEAD";
    card(
        List.of(
            new Line(gap(gapSec), (large ? 3.0 : 2.2) * unit, WHITE),
            new Line(word, (large ? 1.2 : 0.9) * unit, WHITE)),
        x,
        y,
        centred ? Align.CENTRE : Align.TOP_CENTRE,
        fill,
        canvas.cols());
  }

  /** The sector line at the bottom centre; returns the top of what it drew (px). */
  int sector(String sector) {
    if (sector == null) {
      return canvas.rows() - margin;
    }
    Box b =
        card(
            List.of(new Line(sector, 1.1 * unit, WHITE)),
            canvas.cols() / 2,
            canvas.rows() - margin,
            Align.BOTTOM_CENTRE,
            null,
            canvas.cols());
    return b.y();
  }

  /** The gate just passed, with the sector split when there is one, above {@code bottom} (px). */
  void passing(Moment.Passing p, int bottom) {
    if (p == null) {
      return;
    }
    List<Line> lines = new ArrayList<>();
    lines.add(new Line(p.name(), 1.5 * unit, WHITE));
    if (!Double.isNaN(p.sectorDeltaSec())) {
      boolean lost = p.sectorDeltaSec() > 0;
      lines.add(
          new Line("SPLIT " + gap(p.sectorDeltaSec()), 1.5 * unit, lost ? RED_TEXT : GREEN_TEXT));
      lines.add(
          new Line(
              String.format(
                  Locale.ROOT,
                  "sector: new %.2f s  ref %.2f s",
                  p.newSectorSec(),
                  p.refSectorSec()),
              1.0 * unit,
              GREY));
    }
    card(lines, canvas.cols() / 2, bottom - margin / 2, Align.BOTTOM_CENTRE, null, canvas.cols());
  }

  /**
   * Says, over a picture left showing, that the other run has no frame for this moment: a card a
   * third of the way down, clear of the gap badge above and the sector and gate lines below.
   */
  void noGhost(Box video, String why) {
    card(
        List.of(new Line("NO MATCH HERE", 1.4 * unit, AMBER), new Line(why, 0.9 * unit, GREY)),
        video.centreX(),
        video.y() + video.height() / 3,
        Align.CENTRE,
        CARD_FILL,
        video.width() - margin);
  }

  /** Fills a picture's place with a hatched card saying the warp has no frame for this moment. */
  void noMatch(Box video, String why) {
    try (Rect r = new Rect(video.x(), video.y(), video.width(), video.height())) {
      opencv_imgproc.rectangle(canvas, r, CARD_FILL, FILLED, LINE_AA, 0);
    }
    int step = Math.max(8, (int) Math.round(40 * unit));
    int t = Math.max(1, (int) Math.round(6 * unit));
    try (Rect r = new Rect(video.x(), video.y(), video.width(), video.height());
        Mat roi = canvas.apply(r)) {
      for (int d = 0; d < video.width() + video.height(); d += step) {
        try (Point a = new Point(d, 0);
            Point b = new Point(d - video.height(), video.height())) {
          opencv_imgproc.line(roi, a, b, STRIPE, t, LINE_AA, 0);
        }
      }
    }
    double k = video.width() < canvas.cols() / 2.5 ? 0.75 : 1;
    card(
        List.of(
            new Line("NO MATCH HERE", 1.7 * k * unit, AMBER), new Line(why, 0.95 * k * unit, GREY)),
        video.centreX(),
        video.y() + video.height() / 2,
        Align.CENTRE,
        CARD_FILL,
        video.width() - margin);
  }

  /** Elapsed time as m:ss.cc, with a minus before the shared start; dashes when unknown. */
  static String elapsed(double sec) {
    if (Double.isNaN(sec)) {
      return "-:--.--";
    }
    long cs = Math.round(Math.abs(sec) * 100);
    return String.format(
        Locale.ROOT, "%s%d:%02d.%02d", sec < -0.005 ? "-" : "", cs / 6000, cs / 100 % 60, cs % 100);
  }

  /** A signed gap in seconds, e.g. {@code +1.23 s}, {@code -0.40 s}. */
  static String gap(double sec) {
    return String.format(Locale.ROOT, "%+.2f s", Math.abs(sec) < LEVEL_SEC ? 0.0 : sec);
  }

  /**
   * Draws lines of text, centred on one another, on a box: darkened picture when {@code fill} is
   * null, else solid. Lines wider than {@code maxWidth} px are drawn smaller.
   */
  private Box card(List<Line> lines, int ax, int ay, Align align, Scalar fill, int maxWidth) {
    int pad = Math.max(3, (int) Math.round(12 * unit));
    int lead = Math.max(2, (int) Math.round(10 * unit));
    List<int[]> sizes = new ArrayList<>(); // width, ascent, descent
    List<Line> fitted = new ArrayList<>();
    int w = 0;
    int h = 2 * pad - lead;
    for (Line l : lines) {
      Line f = l;
      int[] sz = measure(f);
      if (sz[0] + 2 * pad > maxWidth && sz[0] > 0) {
        f = new Line(l.text(), l.scale() * (maxWidth - 2 * pad) / sz[0], l.colour());
        sz = measure(f);
      }
      fitted.add(f);
      sizes.add(sz);
      w = Math.max(w, sz[0] + 2 * pad);
      h += sz[1] + sz[2] + lead;
    }
    int x = align == Align.TOP_LEFT ? ax : ax - w / 2;
    int y =
        switch (align) {
          case TOP_LEFT, TOP_CENTRE -> ay;
          case CENTRE -> ay - h / 2;
          case BOTTOM_CENTRE -> ay - h;
        };
    x = Math.max(0, Math.min(canvas.cols() - w, x));
    y = Math.max(0, Math.min(canvas.rows() - h, y));
    Box box = new Box(x, y, Math.min(w, canvas.cols()), Math.min(h, canvas.rows()));
    try (Rect r = new Rect(box.x(), box.y(), box.width(), box.height());
        Mat roi = canvas.apply(r)) {
      if (fill == null) {
        roi.convertTo(roi, -1, 0.3, 0);
      } else {
        roi.put(fill);
      }
    }
    int cy = y + pad;
    for (int i = 0; i < fitted.size(); i++) {
      Line l = fitted.get(i);
      int[] sz = sizes.get(i);
      int lx = align == Align.TOP_LEFT ? x + pad : x + (w - sz[0]) / 2;
      try (Point org = new Point(lx, cy + sz[1])) {
        opencv_imgproc.putText(
            canvas,
            l.text(),
            org,
            FONT_HERSHEY_DUPLEX,
            l.scale(),
            l.colour(),
            thickness(l),
            LINE_AA,
            false);
      }
      cy += sz[1] + sz[2] + lead;
    }
    return box;
  }

  private static int[] measure(Line l) {
    int[] baseline = new int[1];
    try (Size s =
        opencv_imgproc.getTextSize(
            l.text(), FONT_HERSHEY_DUPLEX, l.scale(), thickness(l), baseline)) {
      return new int[] {s.width(), s.height(), baseline[0]};
    }
  }

  private static int thickness(Line l) {
    return Math.max(1, (int) Math.round(l.scale() * 1.8));
  }
}
