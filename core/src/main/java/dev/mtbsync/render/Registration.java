package dev.mtbsync.render;

import dev.mtbsync.features.FrameFeatures;
import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.features.OrbExtractor;
import dev.mtbsync.match.ViewMatch;
import dev.mtbsync.match.ViewMatcher;
import dev.mtbsync.video.VideoFrame;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Where the other run's picture lies in the followed run's, moment by moment: a homography from
 * other-frame px to the followed picture's place px, for the overlay layout.
 *
 * <p>DESIGN NOTE: at a moment the warp matched, both cameras stand at about the same place, so one
 * homography (rotation and lens, the sync's own model) carries one picture onto the other. It is
 * measured again on the two frames being blended, with the sync's matcher (ORB, ratio test, RANSAC)
 * on grey copies at most {@value #MATCH_WIDTH} px wide, every {@value #EVERY_SEC} s of output:
 * about a tenth of the cost of a 1080p frame's warp and blend, where matching every frame would
 * cost more than the rest of the render. Between measurements the last map is held. Each accepted
 * measurement moves the map half-way ({@value #SMOOTHING}) towards it, as the positions of the
 * other picture's four corners, so RANSAC's jitter from one measurement to the next does not shake
 * the ghost. A measurement is refused when too few matches agree or when it puts a corner further
 * than {@value #MAX_JUMP} of the picture's width from where the camera difference would (a wrong
 * match, not a head turn). With no accepted measurement for {@value #HOLD_SEC} s (mud on the lens,
 * a dark patch), the map eases back to the camera difference's, the pair's constant, which is also
 * where it starts.
 */
final class Registration implements AutoCloseable {

  /** Frames are matched at most this wide (px). */
  static final int MATCH_WIDTH = 480;

  /** Seconds of output between measurements. */
  static final double EVERY_SEC = 0.05;

  /** Share of the way the map moves towards each accepted measurement. */
  static final double SMOOTHING = 0.5;

  /** Matches that must agree on the homography (RANSAC inliers). */
  static final int MIN_INLIERS = 20;

  /** Largest corner distance (share of the followed picture's width) from the camera's map. */
  static final double MAX_JUMP = 0.35;

  /** Seconds without an accepted measurement after which the map eases back to the camera's. */
  static final double HOLD_SEC = 1.0;

  private static final OrbConfig ORB = new OrbConfig(10, MATCH_WIDTH, 600, false);

  private final OrbExtractor orb = new OrbExtractor(ORB);
  private final ViewMatcher matcher = new ViewMatcher();
  private final int otherWidth;
  private final int otherHeight;
  private final int followedWidth;
  private final double[] priorCorners;
  private final double[] corners;
  private double lastTry = Double.NEGATIVE_INFINITY;
  private double lastAccepted = Double.NEGATIVE_INFINITY;
  private boolean measured;
  private int tries;
  private int accepted;

  /**
   * @param prior the camera difference's homography, other-frame px to followed place px
   * @param otherWidth the other run's frame width (px)
   * @param otherHeight its height (px)
   * @param followedWidth the width of the followed run's place in the picture (px); its frames may
   *     be decoded smaller, and are measured in place px
   */
  Registration(double[] prior, int otherWidth, int otherHeight, int followedWidth) {
    this.otherWidth = otherWidth;
    this.otherHeight = otherHeight;
    this.followedWidth = followedWidth;
    this.priorCorners = Homography.corners(prior, otherWidth, otherHeight);
    this.corners = priorCorners.clone();
  }

  /**
   * The map for one output moment.
   *
   * @param t the followed run's time (s); never goes back
   * @param followed the followed run's frame (BGR)
   * @param other the other run's frame (BGR), shown at this moment
   * @return row-major 3x3, other-frame px to the followed picture's place px
   */
  double[] at(double t, VideoFrame followed, VideoFrame other) {
    if (t - lastTry >= EVERY_SEC - 1e-9) {
      lastTry = t;
      tries++;
      double[] h = measure(followed, other);
      double[] seen = h == null ? null : Homography.corners(h, otherWidth, otherHeight);
      if (seen != null && plausible(seen)) {
        accepted++;
        lastAccepted = t;
        moveTowards(seen, measured ? SMOOTHING : 1);
        measured = true;
      } else if (t - lastAccepted > HOLD_SEC) {
        moveTowards(priorCorners, 0.2);
      }
    }
    return Homography.fromCorners(corners, otherWidth, otherHeight);
  }

  /** Measurements tried so far. */
  int tries() {
    return tries;
  }

  /** Measurements accepted so far. */
  int accepted() {
    return accepted;
  }

  private void moveTowards(double[] target, double share) {
    for (int i = 0; i < corners.length; i++) {
      corners[i] += share * (target[i] - corners[i]);
    }
  }

  private boolean plausible(double[] seen) {
    double limit = MAX_JUMP * followedWidth;
    for (int i = 0; i < 4; i++) {
      double dx = seen[2 * i] - priorCorners[2 * i];
      double dy = seen[2 * i + 1] - priorCorners[2 * i + 1];
      if (!(Math.hypot(dx, dy) <= limit)) {
        return false;
      }
    }
    return Homography.convex(seen);
  }

  /** The homography the matcher finds between the two frames, in their own px; null if none. */
  private double[] measure(VideoFrame followed, VideoFrame other) {
    double so = Math.min(1, (double) MATCH_WIDTH / other.width());
    double sf = Math.min(1, (double) MATCH_WIDTH / followed.width());
    FrameFeatures a = features(other, so);
    FrameFeatures b = features(followed, sf);
    ViewMatch m = matcher.match(a, b);
    if (m.homography() == null || m.inliers() < MIN_INLIERS) {
      return null;
    }
    // small other px -> small followed px, to the followed picture's place px: S_f^-1 * H * S_o,
    // where the followed frame may be decoded smaller than its place
    double[] h = m.homography().clone();
    double toPlace = (double) followedWidth / followed.width() / sf;
    for (int c = 0; c < 3; c++) {
      h[c] *= toPlace;
      h[3 + c] *= toPlace;
    }
    for (int r = 0; r < 3; r++) {
      h[3 * r] *= so;
      h[3 * r + 1] *= so;
    }
    return h;
  }

  private FrameFeatures features(VideoFrame f, double scale) {
    int w = Math.max(16, (int) Math.round(f.width() * scale));
    int h = Math.max(16, (int) Math.round(f.height() * scale));
    try (Mat bgr = new Mat(f.height(), f.width(), opencv_core.CV_8UC3);
        Mat grey = new Mat();
        Mat small = new Mat();
        Size size = new Size(w, h)) {
      bgr.data().put(f.pixels());
      opencv_imgproc.cvtColor(bgr, grey, opencv_imgproc.COLOR_BGR2GRAY);
      Mat use = grey;
      if (w != f.width() || h != f.height()) {
        opencv_imgproc.resize(grey, small, size, 0, 0, opencv_imgproc.INTER_AREA);
        use = small;
      }
      byte[] px = new byte[w * h];
      use.data().get(px);
      return orb.extract(f.ptsSec(), px, w, h);
    }
  }

  @Override
  public void close() {
    orb.close();
    matcher.close();
  }
}
