package dev.mtbsync.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegFrameSourceTest {

  private static final Path GOPRO = Path.of("../../shared/data/video/gpmf-parser_max-heromode.mp4");

  @TempDir Path dir;

  @Test
  void missingFileIsNamed() {
    Path missing = dir.resolve("nope.mp4");
    assertThatThrownBy(() -> FfmpegFrameSource.open(missing))
        .isInstanceOf(java.nio.file.NoSuchFileException.class)
        .hasMessage(missing.toString());
  }

  @Test
  void emptyFileIsNamed() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.mp4"));
    assertThatThrownBy(() -> FfmpegFrameSource.open(empty))
        .isInstanceOf(VideoFormatException.class)
        .hasMessage(empty + ": file is empty (0 bytes)");
  }

  @Test
  void garbageIsNotAVideo() throws IOException {
    Path junk = dir.resolve("junk.mp4");
    Files.writeString(junk, "this is not a video\n".repeat(200));
    assertThatThrownBy(() -> FfmpegFrameSource.open(junk))
        .isInstanceOf(VideoFormatException.class)
        .hasMessage(junk + ": not a video file (no format FFmpeg reads)");
  }

  @Test
  void greyFramesAreTheLumaShrunkAndSkippedFramesKeepTheirTime() throws IOException {
    // a 640x360 clip whose luma is a known ramp, plus a bright square moving one column a frame
    Path clip = dir.resolve("ramp.mp4");
    int w = 640;
    int h = 360;
    int frames = 30;
    try (H264FileSink sink = new H264FileSink(clip, w, h, 30, 12)) {
      for (int f = 0; f < frames; f++) {
        byte[] i420 = new byte[w * h * 3 / 2];
        java.util.Arrays.fill(i420, w * h, i420.length, (byte) 128);
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            i420[y * w + x] = (byte) (40 + x * 160 / w);
          }
        }
        for (int y = 100; y < 200; y++) {
          for (int x = 100 + 8 * f; x < 200 + 8 * f; x++) {
            i420[y * w + x] = (byte) 250;
          }
        }
        sink.write(i420);
      }
    }
    try (FfmpegFrameSource all = FfmpegFrameSource.openGrey(clip, 320);
        FfmpegFrameSource some = FfmpegFrameSource.openGrey(clip, 320)) {
      for (int f = 0; f < frames; f++) {
        VideoFrame a = all.next();
        VideoFrame b = some.next(t -> Math.round(t * 30) % 10 == 0);
        assertThat(b.ptsSec()).isEqualTo(a.ptsSec());
        assertThat(a.width()).isEqualTo(320);
        assertThat(a.height()).isEqualTo(180);
        assertThat(a.pixels()).hasSize(320 * 180);
        if (f % 10 == 0) {
          assertThat(b.pixels()).isEqualTo(a.pixels());
        } else {
          assertThat(b.pixels()).isNull();
        }
        int onRamp = a.pixels()[150 * 320 + 300] & 0xff; // x = 600 in the original
        assertThat(onRamp).isCloseTo(40 + 600 * 160 / 640, within(4));
        int inSquare = a.pixels()[75 * 320 + 75 + 4 * f] & 0xff; // centre of the square
        assertThat(inSquare).isGreaterThan(240);
      }
      assertThat(all.next()).isNull();
      assertThat(some.next(t -> true)).isNull();
    }
  }

  @Test
  void lengthIsTheVideoStreamsNotTheLongerDataTracks() throws IOException {
    Path karma = Path.of("../../shared/data/video/gpmf-parser_karma.mp4");
    assumeThat(Files.exists(karma))
        .as("real footage is in ../shared/data (absent here, so this test is skipped)")
        .isTrue();
    try (FfmpegFrameSource src = FfmpegFrameSource.openGrey(karma, 320)) {
      int decoded = 0;
      while (src.next(t -> false) != null) {
        decoded++;
      }
      assertThat(src.info().frameCount()).isEqualTo(decoded);
      assertThat(src.info().durationSec())
          .isCloseTo(decoded / src.info().fps(), within(1.5 / src.info().fps()));
    }
  }

  @Test
  void decodesRealGoProFootageWithItsOwnTimestamps() throws IOException {
    assumeThat(Files.exists(GOPRO))
        .as("real footage is in ../shared/data (absent here, so this test is skipped)")
        .isTrue();
    try (FrameSource src = FfmpegFrameSource.open(GOPRO)) {
      assertThat(src.info().width()).isEqualTo(848);
      assertThat(src.info().height()).isEqualTo(480);
      assertThat(src.info().fps()).isCloseTo(29.97, org.assertj.core.data.Offset.offset(0.01));
      double last = -1;
      int n = 0;
      for (VideoFrame f = src.next(); f != null; f = src.next()) {
        assertThat(f.ptsSec()).isGreaterThan(last);
        assertThat(f.pixels()).hasSize(848 * 480 * 3);
        last = f.ptsSec();
        n++;
      }
      assertThat(n).isEqualTo(315);
      assertThat(last).isCloseTo(314 / 29.97, org.assertj.core.data.Offset.offset(0.05));
    }
  }
}
