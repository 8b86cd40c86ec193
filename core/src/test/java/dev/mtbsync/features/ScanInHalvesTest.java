package dev.mtbsync.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.Progress;
import dev.mtbsync.video.SparseLumaDecoder;
import dev.mtbsync.video.SparseLumaDecoderTest;
import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file decoded in two halves at once gives what one pass gives: every frame time, and the same
 * samples with the same features, on camera-like long-GOP files (H.264 with B-frames and closed
 * GOPs; HEVC, whose encoder leaves GOPs open, so frames shown before a cut's keyframe are stored
 * after it).
 */
class ScanInHalvesTest {

  @TempDir Path dir;

  private final VideoScanner scanner =
      new VideoScanner(new OrbConfig(6, 320, 300, false), SparseLumaDecoder.Options.DEFAULT);

  @Test
  void h264WithBFramesGivesTheSameScanAsOnePass() throws IOException {
    Path clip = dir.resolve("h264.mp4");
    SparseLumaDecoderTest.writeCameraLike(clip, 320, 180, 30, 30 * 24);
    assertSameScan(clip);
  }

  @Test
  void hevcWithOpenGopsGivesTheSameScanAsOnePass() throws IOException {
    Path clip = dir.resolve("hevc.mp4");
    SparseLumaDecoderTest.writeCameraLike(
        clip, 320, 180, 30, 30 * 22, "libx265", avutil.AV_PIX_FMT_YUV420P);
    assertSameScan(clip);
  }

  @Test
  void aShortFileIsScannedInOnePass() throws IOException {
    Path clip = dir.resolve("short.mp4");
    SparseLumaDecoderTest.writeCameraLike(clip, 320, 180, 30, 30 * 5);
    assertThat(scanner.scanInHalves(clip, Progress.NONE, "scan", 2)).isNull();
  }

  private void assertSameScan(Path clip) throws IOException {
    ScannedVideo whole = scanner.scanWhole(clip, Progress.NONE, "scan");
    ScannedVideo halves = scanner.scanInHalves(clip, Progress.NONE, "scan", 2);
    assertThat(halves).as("cut in two").isNotNull();
    assertThat(halves.pts()).containsExactly(whole.pts());
    assertThat(halves.samples()).hasSameSizeAs(whole.samples());
    for (int i = 0; i < whole.samples().size(); i++) {
      FrameFeatures a = whole.samples().get(i);
      FrameFeatures b = halves.samples().get(i);
      assertThat(b.tSec()).as("sample %d", i).isEqualTo(a.tSec());
      assertThat(b.keypoints()).as("keypoints at %.3f s", a.tSec()).containsExactly(a.keypoints());
      assertThat(b.descriptors()).as("descriptors at %.3f s", a.tSec()).isEqualTo(a.descriptors());
    }
  }
}
