package dev.mtbsync.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mtbsync.features.FrameFeatures;
import dev.mtbsync.features.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The coarse pass compares signatures over the region both pictures show: a new run filmed as a 4:3
 * side crop of the reference's 16:9 picture, drawn here from one painted strip of scenery that the
 * camera pans along, must be recognised as that crop and its coarse path must follow the truth.
 */
class CoarseFramingTest {

  private static final int W = 320;
  private static final int H = 180;
  private static final int STEP_PX = 12;

  /** Scenery wider than any frame: smooth blobs of random brightness (a seeded painting). */
  private static final float[][] SCENE = paint(W + 80 * STEP_PX, H, 11);

  @Test
  void boxWeightsShareEachOutputCellOutWholly() {
    double[][] w = Framing.boxWeights(20, 0.75, 15);
    for (double[] row : w) {
      double sum = 0;
      for (double v : row) {
        sum += v;
      }
      assertThat(sum).isCloseTo(1, within(1e-9));
    }
    // the window starts a quarter of the way into cell 2 (20 x 0.125 = 2.5 cells in)
    assertThat(w[0][2]).isCloseTo(0.5, within(1e-9));
    assertThat(w[0][3]).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void aSideCropSeenThroughItsFramingMatchesTheWholePicture() {
    float[] whole = signature(frame(200, W, 0));
    float[] crop = signature(frame(200, W * 3 / 4, 0));
    Framing sides = new Framing(0.75, 1);
    double same = Signature.similarity(whole, crop);
    double framed =
        Signature.similarity(
            sides.refSide(new float[][] {whole})[0], sides.newSide(new float[][] {crop})[0]);
    assertThat(framed).as("compared over the common region").isGreaterThan(0.97);
    assertThat(framed).isGreaterThan(same + 0.05);
  }

  @Test
  void findsTheFourByThreeCropAndFollowsTheTruth() {
    int lag = 6; // new sample i shows what reference sample i + lag shows
    List<FrameFeatures> rs = new ArrayList<>();
    List<FrameFeatures> ns = new ArrayList<>();
    for (int k = 0; k < 70; k++) {
      rs.add(sample(k * 0.2, frame(k * STEP_PX, W, 0)));
    }
    for (int i = 0; i + lag < 70; i++) {
      ns.add(sample(i * 0.2, frame((i + lag) * STEP_PX, W * 3 / 4, i % 3)));
    }
    CoarsePath.Result r = CoarsePath.find(rs, ns, 1, null, new int[] {W, H, W * 3 / 4, H});
    assertThat(r.framing()).isEqualTo(new Framing(0.75, 1));
    int off = 0;
    for (int i = 0; i < ns.size(); i++) {
      if (Math.abs(r.path()[i] - (i + lag)) > 1) {
        off++;
      }
    }
    assertThat(off).as("new samples more than one sample off the truth").isZero();
  }

  @Test
  void findsTheWiderNewPictureWhenTheReferenceIsTheCrop() {
    int lag = 4;
    List<FrameFeatures> rs = new ArrayList<>();
    List<FrameFeatures> ns = new ArrayList<>();
    for (int k = 0; k < 60; k++) {
      rs.add(sample(k * 0.2, frame(k * STEP_PX, W * 3 / 4, 0)));
    }
    for (int i = 0; i + lag < 60; i++) {
      ns.add(sample(i * 0.2, frame((i + lag) * STEP_PX, W, 2)));
    }
    CoarsePath.Result r = CoarsePath.find(rs, ns, 1, null, new int[] {W * 3 / 4, H, W, H});
    assertThat(r.framing().width()).isCloseTo(4 / 3.0, within(1e-9));
    assertThat(r.framing().height()).isEqualTo(1);
    for (int i = 0; i < ns.size(); i++) {
      assertThat(Math.abs(r.path()[i] - (i + lag))).as("new sample %d", i).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void keepsTheSignaturesAsTheyAreForPicturesOfOneShape() {
    assertThat(Framing.candidates(960, 540, 1920, 1080)).containsExactly(Framing.SAME);
    float[][] sigs = {signature(frame(0, W, 0))};
    assertThat(Framing.SAME.refSide(sigs)).isSameAs(sigs);
  }

  private static FrameFeatures sample(double t, byte[] grey) {
    return new FrameFeatures(t, new float[0], new byte[0], signature(grey));
  }

  private static float[] signature(byte[] grey) {
    return Signature.of(grey, grey.length / H, H);
  }

  /**
   * The centred {@code width}-px window of the W-px view whose left edge is at {@code x} in the
   * scenery, with {@code noise} grey levels of sensor noise.
   */
  private static byte[] frame(int x, int width, int noise) {
    SplittableRandom rng = new SplittableRandom(x * 31L + width);
    int left = x + (W - width) / 2;
    byte[] out = new byte[width * H];
    for (int y = 0; y < H; y++) {
      for (int c = 0; c < width; c++) {
        int v = Math.round(SCENE[y][left + c]) + (noise > 0 ? rng.nextInt(-noise, noise + 1) : 0);
        out[y * width + c] = (byte) Math.max(0, Math.min(255, v));
      }
    }
    return out;
  }

  private static float[][] paint(int width, int height, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[][] img = new float[height][width];
    for (float[] row : img) {
      java.util.Arrays.fill(row, 128);
    }
    for (int b = 0; b < width / 6; b++) {
      double cx = rng.nextDouble() * width;
      double cy = rng.nextDouble() * height;
      double r = 10 + rng.nextDouble() * 40;
      double amp = rng.nextDouble(-60, 60);
      for (int y = Math.max(0, (int) (cy - 3 * r)); y < Math.min(height, cy + 3 * r); y++) {
        for (int x = Math.max(0, (int) (cx - 3 * r)); x < Math.min(width, cx + 3 * r); x++) {
          double d2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (r * r);
          img[y][x] += (float) (amp * Math.exp(-d2 / 2));
        }
      }
    }
    return img;
  }
}
