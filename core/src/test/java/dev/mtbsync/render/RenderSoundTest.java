package dev.mtbsync.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mtbsync.Progress;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.io.Json;
import dev.mtbsync.markers.MarkerCsv;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.runs.TimewarpFile;
import java.io.IOException;
import java.nio.Buffer;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The new run's sound carried into the comparison: a clip whose tone grows louder with time, so the
 * loudness at the start of the output says which moment the sound starts from.
 */
class RenderSoundTest {

  static final int RATE = 44100;
  static final double SECONDS = 4;

  @TempDir static Path tmp;
  static Path run;

  /** Amplitude of the tone at time {@code t} (s). */
  static double amplitude(double t) {
    return 1000 + 6000 * t / SECONDS;
  }

  @BeforeAll
  static void clipWithSound() throws IOException {
    Path clip = tmp.resolve("clip.mp4");
    try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(clip.toFile(), 320, 180, 1)) {
      r.setFormat("mp4");
      r.setVideoCodec(avcodec.AV_CODEC_ID_H264);
      r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      r.setFrameRate(30);
      r.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
      r.setSampleRate(RATE);
      r.start();
      Frame picture = new Frame(320, 180, Frame.DEPTH_UBYTE, 3);
      for (int f = 0; f < SECONDS * 30; f++) {
        r.record(picture);
        short[] tone = new short[RATE / 30];
        for (int i = 0; i < tone.length; i++) {
          double t = (f * tone.length + i) / (double) RATE;
          tone[i] = (short) (amplitude(t) * Math.sin(2 * Math.PI * 440 * t));
        }
        r.recordSamples(RATE, 1, ShortBuffer.wrap(tone));
      }
      r.stop();
    }
    run = tmp.resolve("run");
    java.nio.file.Files.createDirectories(run);
    Json.write(
        run.resolve("run.json"),
        Map.of(
            "inputs",
            Map.of(
                "reference", Map.of("path", clip.toString()),
                "new", Map.of("path", clip.toString()))));
    TimewarpFile.write(
        run.resolve("timewarp.json"),
        new dev.mtbsync.align.MonotoneWarp(
            new double[] {0, SECONDS}, new double[] {0, SECONDS}, new double[] {1, 1}),
        null,
        WarpConfig.DEFAULT,
        List.of());
    MarkerCsv.writeNew(
        List.of(
            new NewMarker("Mid", 2.5, 2.5, 1, false, "", ""),
            new NewMarker("End", 3.5, 3.5, 1, false, "", "")),
        run.resolve("new_markers.csv"));
  }

  private static Path render(String name, String from, String to, Audio audio) throws IOException {
    Path out = tmp.resolve(name);
    RenderConfig c = new RenderConfig(Layout.STACKED, Follow.NEW, 320, 360, from, to, 20, audio);
    ComparisonRenderer.render(RenderInputs.read(run), c, out, Progress.NONE);
    return out;
  }

  @Test
  void theWholeRunKeepsItsSoundAndItsLength() throws IOException {
    float[] sound = samples(render("whole.mp4", null, null, Audio.AUTO));
    assertThat(sound.length / (double) RATE).isCloseTo(SECONDS, within(0.06));
  }

  @Test
  void aGateRangeStartsTheSoundAtTheGate() throws IOException {
    float[] sound = samples(render("range.mp4", "Mid", "End", Audio.NEW));
    assertThat(sound.length / (double) RATE).isCloseTo(1.0, within(0.06));
    // loudness of the first and last tenth of a second: the tone's at 2.5 s and 3.5 s
    assertThat(peak(sound, 0.03, 0.13)).isCloseTo(amplitude(2.58) / 32768, within(0.03));
    assertThat(peak(sound, 0.85, 0.95)).isCloseTo(amplitude(3.4) / 32768, within(0.03));
  }

  @Test
  void askingForSoundThatIsNotThereOrCannotKeepPaceIsRefused() {
    assertThatThrownBy(
            () ->
                new RenderConfig(Layout.PIP, Follow.REFERENCE, 320, 180, null, null, 20, Audio.NEW)
                    .validate())
        .hasMessage("audio new needs follow new: the new run's sound plays only at its own pace");
  }

  /** The first channel of a video's sound, as floats from -1 to 1. */
  static float[] samples(Path video) throws IOException {
    List<Float> out = new ArrayList<>();
    try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile())) {
      g.setSampleFormat(avutil.AV_SAMPLE_FMT_FLTP);
      g.start();
      assertThat(g.hasAudio()).as("sound track").isTrue();
      for (Frame f = g.grabSamples(); f != null; f = g.grabSamples()) {
        Buffer b = f.samples[0];
        FloatBuffer fb = (FloatBuffer) b;
        while (fb.hasRemaining()) {
          out.add(fb.get());
        }
      }
      g.stop();
    }
    float[] a = new float[out.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = out.get(i);
    }
    return a;
  }

  /** The largest magnitude between {@code from} and {@code to} (s). */
  static double peak(float[] sound, double from, double to) {
    double p = 0;
    for (int i = (int) (from * RATE); i < (int) (to * RATE); i++) {
      p = Math.max(p, Math.abs(sound[i]));
    }
    return p;
  }
}
