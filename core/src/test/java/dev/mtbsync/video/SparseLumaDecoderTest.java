package dev.mtbsync.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sparse decoder against the plain one (JavaCV's grabber decoding every frame): the same frame
 * times, the same pictures for the wanted frames, and far fewer frames decoded on a camera-like
 * long GOP with B-frames.
 */
public class SparseLumaDecoderTest {

  private static final Path VIDEOS = Path.of("../../shared/data/video");

  @TempDir Path dir;

  @Test
  void cameraLikeLongGopGivesTheSameTimesAndPicturesWhileSkippingTheBFrames() throws IOException {
    Path clip = dir.resolve("camera.mp4");
    int frames = 120;
    writeCameraLike(clip, 640, 360, 60, frames);

    Comparison c = compare(clip, 320, t -> Math.round(t * 60) % 10 == 0);

    assertThat(c.sparseTimes).hasSize(frames).containsExactly(c.plainTimes);
    assertThat(c.sparsePictures.keySet()).containsExactlyElementsOf(c.plainPictures.keySet());
    c.sparsePictures.forEach((t, px) -> assertThat(px).isEqualTo(c.plainPictures.get(t)));
    assertThat(c.sparsePictures).hasSize(frames / 10);
    // IBBP: two frames in three are B-frames nobody predicts from; only wanted ones are decoded
    assertThat(c.decoded).isLessThan(frames / 2);
  }

  @Test
  void tenBitHevcIsConvertedForTheWantedFramesOnly() throws IOException {
    // GoPro's 10-bit mode: HEVC Main10, whose luma plane is not 8-bit grey as it stands
    Path clip = dir.resolve("main10.mp4");
    int frames = 60;
    writeCameraLike(clip, 640, 360, 60, frames, "libx265", avutil.AV_PIX_FMT_YUV420P10LE);

    Comparison c = compare(clip, 320, t -> Math.round(t * 60) % 10 == 0);

    assertThat(c.sparseTimes).hasSize(frames).containsExactly(c.plainTimes);
    assertThat(c.sparsePictures.keySet()).containsExactlyElementsOf(c.plainPictures.keySet());
    // both convert with FFmpeg's bilinear scaler (the grabber from the full frame each time)
    c.sparsePictures.forEach(
        (t, px) -> assertThat(meanAbsDiff(px, c.plainPictures.get(t))).isLessThan(0.5));
  }

  private static double meanAbsDiff(byte[] a, byte[] b) {
    assertThat(a).hasSameSizeAs(b);
    long sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
    }
    return (double) sum / a.length;
  }

  @Test
  void realCameraClipsGiveTheSameTimesAndPictures() throws IOException {
    assumeThat(Files.isDirectory(VIDEOS))
        .as("the real clips of ../shared/data/video are not on this machine")
        .isTrue();
    try (var files = Files.list(VIDEOS)) {
      for (Path clip : files.filter(p -> p.toString().endsWith(".mp4")).sorted().toList()) {
        Comparison c = compare(clip, 480, t -> Math.floor(t * 6) != Math.floor((t - 0.02) * 6));
        assertThat(c.sparseTimes).as(clip.toString()).containsExactly(c.plainTimes);
        assertThat(c.sparsePictures.keySet())
            .as(clip.toString())
            .containsExactlyElementsOf(c.plainPictures.keySet());
        c.sparsePictures.forEach(
            (t, px) -> assertThat(px).as(clip + " at " + t).isEqualTo(c.plainPictures.get(t)));
      }
    }
  }

  @Test
  void aBrokenFileIsNamed() throws IOException {
    Path junk = dir.resolve("junk.mp4");
    Files.writeString(junk, "not a video\n".repeat(100));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> SparseLumaDecoder.open(junk, 320, SparseLumaDecoder.Options.DEFAULT))
        .isInstanceOf(VideoFormatException.class)
        .hasMessageStartingWith(junk + ": not a video file");
  }

  private record Comparison(
      double[] plainTimes,
      Map<Double, byte[]> plainPictures,
      double[] sparseTimes,
      Map<Double, byte[]> sparsePictures,
      long decoded) {}

  private static Comparison compare(Path clip, int width, java.util.function.DoublePredicate want)
      throws IOException {
    List<Double> plainTimes = new ArrayList<>();
    Map<Double, byte[]> plainPictures = new LinkedHashMap<>();
    try (FfmpegFrameSource plain = FfmpegFrameSource.openGrey(clip, width)) {
      for (VideoFrame f = plain.next(want); f != null; f = plain.next(want)) {
        plainTimes.add(f.ptsSec());
        if (f.pixels() != null) {
          plainPictures.put(f.ptsSec(), f.pixels());
        }
      }
    }
    Map<Double, byte[]> sparsePictures = new LinkedHashMap<>();
    double[] sparseTimes;
    long decoded;
    try (SparseLumaDecoder sparse =
        SparseLumaDecoder.open(clip, width, SparseLumaDecoder.Options.DEFAULT)) {
      sparseTimes =
          sparse.decode((t, d) -> want.test(t), (t, grey, w, h) -> sparsePictures.put(t, grey));
      decoded = sparse.decodedFrames();
    }
    return new Comparison(
        plainTimes.stream().mapToDouble(Double::doubleValue).toArray(),
        plainPictures,
        sparseTimes,
        sparsePictures,
        decoded);
  }

  /**
   * H.264 (High, x264's default with these options) as cameras write it: a long GOP of I, P and two
   * B-frames between, high bitrate.
   */
  public static void writeCameraLike(Path file, int w, int h, int fps, int frames)
      throws IOException {
    writeCameraLike(file, w, h, fps, frames, "libx264", avutil.AV_PIX_FMT_YUV420P);
  }

  public static void writeCameraLike(
      Path file, int w, int h, int fps, int frames, String codec, int pixelFormat)
      throws IOException {
    FfmpegLog.quiet();
    Random random = new Random(7);
    byte[] texture = new byte[(w + frames * 4) * h];
    random.nextBytes(texture);
    try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), w, h, 0)) {
      r.setFormat("mp4");
      r.setVideoCodecName(codec);
      r.setFrameRate(fps);
      r.setPixelFormat(pixelFormat);
      r.setGopSize(fps);
      r.setVideoBitrate(20_000_000);
      r.setVideoOption("preset", "veryfast");
      if (codec.equals("libx264")) {
        r.setVideoOption("x264-params", "bframes=2:b-adapt=0:b-pyramid=none");
      } else {
        r.setVideoOption("preset", "ultrafast");
        r.setVideoOption("x265-params", "log-level=error:bframes=2");
      }
      r.start();
      for (int f = 0; f < frames; f++) {
        Frame frame = new Frame(w, h, Frame.DEPTH_UBYTE, 1);
        ByteBuffer buf = (ByteBuffer) frame.image[0];
        int stride = frame.imageStride;
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            // a textured scene panning 4 px a frame, smoothed so the encoder keeps its detail
            int v = (texture[y * (w + frames * 4) + x + f * 4] & 0xff) / 4 + x * 160 / w + 20;
            buf.put(y * stride + x, (byte) v);
          }
        }
        r.record(frame, avutil.AV_PIX_FMT_GRAY8);
      }
      r.stop();
    }
  }
}
