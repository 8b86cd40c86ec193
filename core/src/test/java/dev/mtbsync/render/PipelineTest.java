package dev.mtbsync.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtbsync.video.FrameSource;
import dev.mtbsync.video.VideoFrame;
import dev.mtbsync.video.VideoInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The render's decode-ahead and encode-behind threads: order kept, failures carried, no hang. */
class PipelineTest {

  /** Frames at 10 fps; fails with an IOException at frame {@code failAt} when it is set. */
  static final class Frames implements FrameSource {
    final int count;
    final int failAt;
    int decoded;

    Frames(int count, int failAt) {
      this.count = count;
      this.failAt = failAt;
    }

    @Override
    public VideoInfo info() {
      return new VideoInfo(2, 2, 10, count / 10.0, count, "test");
    }

    @Override
    public VideoFrame next() throws IOException {
      if (decoded == failAt) {
        throw new IOException("new.mp4: corrupt packet at frame " + failAt);
      }
      return decoded < count
          ? new VideoFrame(decoded, decoded++ / 10.0, 2, 2, 3, new byte[12])
          : null;
    }

    @Override
    public void close() {}
  }

  @Test
  void decodingAheadGivesEveryFrameInOrderThenTheEnd() throws Exception {
    try (Prefetch ahead = new Prefetch(new Frames(50, -1), "test-decode", true)) {
      for (int i = 0; i < 50; i++) {
        assertThat(ahead.next().index()).isEqualTo(i);
      }
      assertThat(ahead.next()).isNull();
      assertThat(ahead.next()).isNull();
    }
  }

  @Test
  void aDecodingFailureReachesTheReaderAfterTheFramesBeforeIt() throws Exception {
    try (Prefetch ahead = new Prefetch(new Frames(50, 7), "test-decode", true)) {
      for (int i = 0; i < 7; i++) {
        assertThat(ahead.next().index()).isEqualTo(i);
      }
      assertThatThrownBy(ahead::next).hasMessageContaining("corrupt packet at frame 7");
    }
  }

  @Test
  void inlineDecodingGivesTheSameFrames() throws Exception {
    try (Prefetch inline = new Prefetch(new Frames(5, -1), "unused", false)) {
      for (int i = 0; i < 5; i++) {
        assertThat(inline.next().index()).isEqualTo(i);
      }
      assertThat(inline.next()).isNull();
    }
  }

  @Test
  void closingBeforeTheEndStopsTheDecoder() throws Exception {
    Frames src = new Frames(1000, -1);
    Prefetch ahead = new Prefetch(src, "test-decode", true);
    ahead.next();
    ahead.close();
    int stoppedAt = src.decoded;
    Thread.sleep(50);
    assertThat(src.decoded).isEqualTo(stoppedAt).isLessThan(1000);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void writesHappenInTheOrderGivenWithBuffersReused(boolean threaded) throws Exception {
    List<String> written = new ArrayList<>();
    List<byte[]> buffers = new ArrayList<>();
    try (Encoder enc = new Encoder(4, "test-encode", threaded)) {
      for (int i = 0; i < 20; i++) {
        byte[] b = enc.buffer();
        buffers.add(b);
        b[0] = (byte) i;
        enc.frame(b, f -> written.add("frame " + f[0]));
        int n = i;
        enc.submit(() -> written.add("sound " + n));
      }
      enc.finish();
    }
    assertThat(written).hasSize(40).startsWith("frame 0", "sound 0", "frame 1", "sound 1");
    assertThat(written.get(39)).isEqualTo("sound 19");
    assertThat(buffers.stream().distinct().count()).isEqualTo(Encoder.IN_FLIGHT);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void anEncodingFailureStopsTheWritesAndReachesTheComposer(boolean threaded) throws Exception {
    List<Integer> written = new ArrayList<>();
    try (Encoder enc = new Encoder(4, "test-encode", threaded)) {
      assertThatThrownBy(
              () -> {
                for (int i = 0; i < 100; i++) {
                  byte[] b = enc.buffer();
                  b[0] = (byte) i;
                  enc.frame(
                      b,
                      f -> {
                        if (f[0] == 5) {
                          throw new IOException("compare.mp4: No space left on device");
                        }
                        written.add((int) f[0]);
                      });
                }
                enc.finish();
              })
          .hasMessageContaining("No space left on device");
    }
    assertThat(written).containsExactly(0, 1, 2, 3, 4);
  }
}
