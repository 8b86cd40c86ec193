package dev.mtbsync.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.video.VideoFrame;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/**
 * The ghost's warp at reduced size and blend on drawn pictures: blended at its share where it
 * lands, the followed picture untouched elsewhere, in the place the homography names.
 */
class GhostTest {

  static final int W = 640;
  static final int H = 360;

  /** The followed picture: flat blue-grey. */
  static final int[] FOLLOWED = {200, 120, 40};

  /** The other frame: flat orange, with a dark square in its middle to place it by. */
  static final int[] OTHER = {20, 140, 240};

  @Test
  void aSmallerGhostBlendsWhereItLandsAndLeavesTheRestOfThePictureAlone() {
    // the other frame (320x180) halved and put with its top-left at (200, 100): it covers
    // x 200..360, y 100..190 of the place
    double[] h = {0.5, 0, 200, 0, 0.5, 100, 0, 0, 1};
    try (Mat place = flat(FOLLOWED);
        Ghost ghost = new Ghost(W, H)) {
      ghost.blend(place, other(320, 180), h);
      try (UByteIndexer px = place.createIndexer()) {
        // far outside and right beside the ghost: exactly the followed picture
        for (int[] p : new int[][] {{10, 10}, {630, 350}, {195, 150}, {365, 150}, {280, 95}}) {
          assertThat(pixel(px, p[0], p[1]))
              .as("at %s", p[0] + "," + p[1])
              .containsExactly(FOLLOWED);
        }
        // inside, on the orange: the blend of the two at the ghost's share
        int[] blended = pixel(px, 220, 120);
        for (int c = 0; c < 3; c++) {
          double want = (1 - Compositor.GHOST) * FOLLOWED[c] + Compositor.GHOST * OTHER[c];
          assertThat((double) blended[c]).as("channel %d", c).isBetween(want - 2, want + 2);
        }
        // the dark square sits in the middle of where the ghost lands (280, 145), not elsewhere
        assertThat(pixel(px, 280, 145)[2]).isLessThan(pixel(px, 220, 120)[2] - 60);
      }
    }
  }

  @Test
  void aGhostWiderThanThePictureBlendsEverywhere() {
    // a 1280x720 frame shrunk by 0.6 and centred: it overhangs the 640x360 place on every side
    double[] h = {0.6, 0, (W - 0.6 * 1280) / 2, 0, 0.6, (H - 0.6 * 720) / 2, 0, 0, 1};
    try (Mat place = flat(FOLLOWED);
        Ghost ghost = new Ghost(W, H)) {
      ghost.blend(place, other(1280, 720), h);
      try (UByteIndexer px = place.createIndexer()) {
        for (int[] p : new int[][] {{0, 0}, {W - 1, H - 1}, {W - 1, 0}, {100, 300}}) {
          int[] got = pixel(px, p[0], p[1]);
          for (int c = 0; c < 3; c++) {
            double want = (1 - Compositor.GHOST) * FOLLOWED[c] + Compositor.GHOST * OTHER[c];
            assertThat((double) got[c]).isBetween(want - 2, want + 2);
          }
        }
      }
    }
  }

  private static Mat flat(int[] bgr) {
    return new Mat(H, W, opencv_core.CV_8UC3, new Scalar(bgr[0], bgr[1], bgr[2], 0));
  }

  /** An orange frame with a black square a tenth of its width wide in its middle. */
  private static VideoFrame other(int w, int h) {
    byte[] px = new byte[w * h * 3];
    int half = w / 20;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean dark = Math.abs(x - w / 2) < half && Math.abs(y - h / 2) < half;
        for (int c = 0; c < 3; c++) {
          px[(y * w + x) * 3 + c] = (byte) (dark ? 0 : OTHER[c]);
        }
      }
    }
    return new VideoFrame(0, 0, w, h, 3, px);
  }

  private static int[] pixel(UByteIndexer px, int x, int y) {
    return new int[] {px.get(y, x, 0), px.get(y, x, 1), px.get(y, x, 2)};
  }
}
