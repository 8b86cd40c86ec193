package dev.mtbsync.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
        .isInstanceOf(VideoFormatException.class)
        .hasMessage(missing + ": no such file");
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
        .hasMessageStartingWith(junk + ": not a readable video");
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
