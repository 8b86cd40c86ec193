package dev.mtbsync.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.Progress;
import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthRenderer;
import dev.mtbsync.testkit.Remux;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decodes a video while another thread is still writing it, as an upload arrives: the frames are
 * those of the whole file, and they start coming before the last byte when the container allows.
 */
class GrowingFileInputTest {

  @TempDir static Path dir;
  static Path moovLast;

  @TempDir Path work;

  @BeforeAll
  static void render() throws IOException {
    SynthRenderer.render(new SynthConfig(7, 12, 320, 180, 30, 30), dir, Progress.NONE);
    // as cameras write it: the index after the media; long enough that FFmpeg's stream analysis
    // (5 s of a fragmented file) ends well before the file does
    moovLast = dir.resolve("new.mp4");
  }

  /**
   * What a decode saw: every frame's time, whether the first came before the file's last piece was
   * written, and whether the writer gave up.
   */
  record Seen(List<Double> pts, boolean firstBeforeWriterDone, boolean abandoned) {}

  /**
   * Writes {@code video} into a new file in pieces with pauses while decoding it from that file.
   *
   * @param stopAt stop writing (and abandon) after this many bytes; the whole file when larger
   */
  private Seen decodeWhileWriting(Path video, long stopAt, GrowingFileInput.Overlay overlay)
      throws Exception {
    byte[] all = Files.readAllBytes(video);
    Path growing = work.resolve("growing-" + video.getFileName());
    Files.createFile(growing);
    long[] writerDone = {Long.MAX_VALUE};
    try (GrowingFileInput in = new GrowingFileInput(growing, all.length, overlay)) {
      Thread writer =
          new Thread(
              () -> {
                try (OutputStream out = Files.newOutputStream(growing)) {
                  int piece = Math.max(4096, all.length / 40);
                  for (int at = 0; at < all.length && at < stopAt; at += piece) {
                    if (at + piece >= all.length) {
                      synchronized (writerDone) {
                        writerDone[0] = System.nanoTime(); // the last piece is yet to come
                      }
                    }
                    out.write(all, at, Math.min(piece, all.length - at));
                    out.flush();
                    in.grew();
                    Thread.sleep(15);
                  }
                } catch (IOException | InterruptedException e) {
                  throw new IllegalStateException(e);
                }
                if (stopAt >= all.length) {
                  in.complete();
                } else {
                  in.abandon();
                }
              });
      writer.start();
      List<Double> pts = new ArrayList<>();
      long first = 0;
      try (FfmpegFrameSource src = FfmpegFrameSource.openGrey(in, growing, 320)) {
        for (VideoFrame f = src.next(); f != null; f = src.next()) {
          if (pts.isEmpty()) {
            first = System.nanoTime();
          }
          pts.add(f.ptsSec());
        }
      } catch (VideoFormatException e) {
        if (!in.abandoned()) {
          throw e;
        }
      }
      writer.join();
      boolean before;
      synchronized (writerDone) {
        before = !pts.isEmpty() && first < writerDone[0];
      }
      return new Seen(pts, before, in.abandoned());
    }
  }

  private static List<Double> wholeFile(Path video) throws IOException {
    List<Double> pts = new ArrayList<>();
    try (FfmpegFrameSource src = FfmpegFrameSource.openGrey(video, 320)) {
      for (VideoFrame f = src.next(); f != null; f = src.next()) {
        pts.add(f.ptsSec());
      }
    }
    return pts;
  }

  @Test
  void decodesAnIndexFirstMp4WhileItIsWritten() throws Exception {
    Path fast = Remux.remux(moovLast, dir.resolve("fast.mp4"), "mp4", "+faststart");
    Seen s = decodeWhileWriting(fast, Long.MAX_VALUE, null);
    assertThat(s.pts()).isEqualTo(wholeFile(fast)).hasSizeGreaterThan(100);
    assertThat(s.firstBeforeWriterDone()).isTrue();
  }

  @Test
  void decodesAFragmentedMp4WhileItIsWritten() throws Exception {
    Path frag = Remux.remux(moovLast, dir.resolve("frag.mp4"), "mp4", "frag_keyframe+empty_moov");
    Seen s = decodeWhileWriting(frag, Long.MAX_VALUE, null);
    assertThat(s.pts()).isEqualTo(wholeFile(frag)).hasSizeGreaterThan(100);
    assertThat(s.firstBeforeWriterDone()).isTrue();
  }

  @Test
  void decodesAMovWhileItIsWritten() throws Exception {
    Path mov = Remux.remux(moovLast, dir.resolve("fast.mov"), "mov", "+faststart");
    Seen s = decodeWhileWriting(mov, Long.MAX_VALUE, null);
    assertThat(s.pts()).isEqualTo(wholeFile(mov)).hasSizeGreaterThan(100);
    assertThat(s.firstBeforeWriterDone()).isTrue();
  }

  @Test
  void anIndexLastMp4WaitsForItsTailThenDecodesWhole() throws Exception {
    Seen s = decodeWhileWriting(moovLast, Long.MAX_VALUE, null);
    assertThat(s.pts()).isEqualTo(wholeFile(moovLast)).hasSizeGreaterThan(100);
    assertThat(s.firstBeforeWriterDone()).isFalse();
  }

  @Test
  void anIndexLastMp4DecodesEarlyWhenItsIndexArrivedAhead() throws Exception {
    long[] moov = Remux.moov(moovLast);
    Path part = work.resolve("moov.part");
    byte[] all = Files.readAllBytes(moovLast);
    Files.write(part, java.util.Arrays.copyOfRange(all, (int) moov[0], (int) (moov[0] + moov[1])));
    Seen s =
        decodeWhileWriting(
            moovLast, Long.MAX_VALUE, new GrowingFileInput.Overlay(part, moov[0], moov[1]));
    assertThat(s.pts()).isEqualTo(wholeFile(moovLast));
    assertThat(s.firstBeforeWriterDone()).isTrue();
  }

  @Test
  void anAbandonedWriteEndsTheStreamEarly() throws Exception {
    Path fast = Remux.remux(moovLast, dir.resolve("fast2.mp4"), "mp4", "+faststart");
    Seen s = decodeWhileWriting(fast, Files.size(fast) / 2, null);
    assertThat(s.abandoned()).isTrue();
    assertThat(s.pts().size()).isLessThan(wholeFile(fast).size());
  }
}
