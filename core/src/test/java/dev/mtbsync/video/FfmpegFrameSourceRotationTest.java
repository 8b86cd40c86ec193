package dev.mtbsync.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Videos stored sideways with a display matrix (as phones store portrait video) decode upright. The
 * stored picture is dark with a bright square in its top-left corner; FFmpeg's convention (its own
 * player turns the picture so) says where that corner is once the picture is shown.
 */
class FfmpegFrameSourceRotationTest {

  private static final int STORED_W = 96;
  private static final int STORED_H = 64;
  private static final int SQUARE = 16;

  @TempDir Path dir;

  @ParameterizedTest(name = "display rotation {0} puts the stored top-left corner {1}")
  @CsvSource({"0, top-left", "-90, top-right", "90, bottom-left", "180, bottom-right"})
  void greyFramesAreUpright(double rotation, String corner) throws IOException {
    Path clip = storedWithSquareTopLeft(rotation);
    boolean sideways = Math.abs(rotation) == 90;
    int w = sideways ? STORED_H : STORED_W;
    int h = sideways ? STORED_W : STORED_H;
    try (FfmpegFrameSource src = FfmpegFrameSource.openGrey(clip, 960)) {
      assertThat(src.info().width()).isEqualTo(w);
      assertThat(src.info().height()).isEqualTo(h);
      VideoFrame f = src.next();
      assertThat(f.width()).isEqualTo(w);
      assertThat(f.height()).isEqualTo(h);
      assertThat(f.pixels()).hasSize(w * h);
      assertBrightOnlyAt(corner, f, 1, 1);
    }
  }

  @Test
  void quarterTurnedFramesAreShrunkToTheUprightWidth() throws IOException {
    Path clip = storedWithSquareTopLeft(-90);
    try (FfmpegFrameSource src = FfmpegFrameSource.openGrey(clip, STORED_H / 2)) {
      VideoFrame f = src.next();
      assertThat(f.width()).isEqualTo(STORED_H / 2);
      assertThat(f.height()).isEqualTo(STORED_W / 2);
      assertBrightOnlyAt("top-right", f, 1, 0.5);
    }
  }

  @Test
  void colourFramesAreUprightToo() throws IOException {
    Path clip = storedWithSquareTopLeft(-90);
    try (FfmpegFrameSource src = FfmpegFrameSource.open(clip)) {
      VideoFrame f = src.next();
      assertThat(f.width()).isEqualTo(STORED_H);
      assertThat(f.height()).isEqualTo(STORED_W);
      assertThat(f.pixels()).hasSize(STORED_H * STORED_W * 3);
      assertBrightOnlyAt("top-right", f, 3, 1);
    }
  }

  @Test
  void onlyRightAnglesOfTheDisplayMatrixTurnThePicture() {
    assertThat(UprightPixels.quarterTurns(0)).isZero();
    assertThat(UprightPixels.quarterTurns(-90)).isEqualTo(1);
    assertThat(UprightPixels.quarterTurns(-89.5)).isEqualTo(1);
    assertThat(UprightPixels.quarterTurns(180)).isEqualTo(2);
    assertThat(UprightPixels.quarterTurns(-180)).isEqualTo(2);
    assertThat(UprightPixels.quarterTurns(90)).isEqualTo(3);
    assertThat(UprightPixels.quarterTurns(270)).isEqualTo(1);
    assertThat(UprightPixels.quarterTurns(45)).isZero();
    assertThat(UprightPixels.quarterTurns(Double.NaN)).isZero();
  }

  /** Checks the square's centre (scaled by {@code scale}) is bright and the other corners dark. */
  private static void assertBrightOnlyAt(String corner, VideoFrame f, int channels, double scale) {
    int in = (int) Math.round(SQUARE * scale / 2); // from the corner to the square's centre
    for (String c : new String[] {"top-left", "top-right", "bottom-left", "bottom-right"}) {
      int x = c.endsWith("left") ? in : f.width() - 1 - in;
      int y = c.startsWith("top") ? in : f.height() - 1 - in;
      int luma = f.pixels()[(y * f.width() + x) * channels] & 0xff;
      if (c.equals(corner)) {
        assertThat(luma).as("%s at (%d, %d)", c, x, y).isGreaterThan(200);
      } else {
        assertThat(luma).as("%s at (%d, %d)", c, x, y).isLessThan(60);
      }
    }
  }

  /** Three frames, H.264 in MP4, with the display matrix FFmpeg reads back as {@code rotation}. */
  private Path storedWithSquareTopLeft(double rotation) throws IOException {
    Path clip = dir.resolve("rot" + (int) rotation + ".mp4");
    byte[] i420 = new byte[STORED_W * STORED_H * 3 / 2];
    Arrays.fill(i420, 0, STORED_W * STORED_H, (byte) 30);
    Arrays.fill(i420, STORED_W * STORED_H, i420.length, (byte) 128);
    for (int y = 0; y < SQUARE; y++) {
      Arrays.fill(i420, y * STORED_W, y * STORED_W + SQUARE, (byte) 235);
    }
    ByteBuffer buf = ByteBuffer.allocateDirect(i420.length).put(i420);
    FfmpegLog.quiet();
    try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(clip.toFile(), STORED_W, STORED_H, 0)) {
      r.setFormat("mp4");
      r.setVideoCodec(avcodec.AV_CODEC_ID_H264);
      r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      r.setVideoOption("crf", "12");
      r.setFrameRate(30);
      r.setDisplayRotation(rotation);
      r.start();
      for (int i = 0; i < 3; i++) {
        buf.rewind();
        r.recordImage(
            STORED_W, STORED_H, Frame.DEPTH_UBYTE, 1, STORED_W, avutil.AV_PIX_FMT_YUV420P, buf);
      }
      r.stop();
    }
    return clip;
  }
}
