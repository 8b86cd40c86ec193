package dev.mtbsync.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.video.VideoFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkerFrameCacheTest {

  @TempDir Path root;

  private MarkerFrameCache cache() {
    return new MarkerFrameCache(root.resolve(".index-cache").resolve("abc123.mtbidx"), 640);
  }

  @Test
  void aFrameKeptIsReadBackAsItWasDecoded() throws IOException {
    byte[] pixels = new byte[64 * 36];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i * 31);
    }
    cache().put(12.345, new VideoFrame(7, 12.3333, 64, 36, 1, pixels));
    VideoFrame back = cache().get(12.345);
    assertThat(back.ptsSec()).isEqualTo(12.3333);
    assertThat(back.width()).isEqualTo(64);
    assertThat(back.height()).isEqualTo(36);
    assertThat(back.pixels()).isEqualTo(pixels);
    assertThat(cache().get(12.346)).as("another moment").isNull();
    assertThat(root.resolve(".index-cache/abc123.frames-w640")).isDirectory();
    try (var files = Files.list(root.resolve(".index-cache/abc123.frames-w640"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("12345000.gz");
    }
  }

  @Test
  void aDamagedFileIsAMissAndIsWrittenAnew() throws IOException {
    Path dir = Files.createDirectories(root.resolve(".index-cache/abc123.frames-w640"));
    Files.writeString(dir.resolve("2000000.gz"), "not a frame");
    assertThat(cache().get(2.0)).isNull();
    cache().put(2.0, new VideoFrame(0, 2.01, 2, 2, 1, new byte[] {1, 2, 3, 4}));
    assertThat(cache().get(2.0).pixels()).containsExactly(1, 2, 3, 4);
  }
}
