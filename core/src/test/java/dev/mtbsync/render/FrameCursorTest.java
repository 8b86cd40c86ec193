package dev.mtbsync.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtbsync.video.FrameSource;
import dev.mtbsync.video.VideoFrame;
import dev.mtbsync.video.VideoInfo;
import org.junit.jupiter.api.Test;

/** Nearest-frame look-up over a forward-only stream of frames drawn in memory. */
class FrameCursorTest {

  /** Ten frames at 10 fps (0.0, 0.1, ... 0.9 s), counting how many were decoded. */
  static final class Frames implements FrameSource {
    int decoded;

    @Override
    public VideoInfo info() {
      return new VideoInfo(2, 2, 10, 1, 10, "test");
    }

    @Override
    public VideoFrame next() {
      return decoded < 10 ? new VideoFrame(decoded, decoded++ / 10.0, 2, 2, 3, new byte[12]) : null;
    }

    @Override
    public void close() {}
  }

  @Test
  void givesTheFrameNearestEachTimeReadingForwardOnly() throws Exception {
    Frames src = new Frames();
    FrameCursor c = new FrameCursor(src, 0.15);
    assertThat(c.nearest(-1).index()).isZero(); // before the first frame: the first
    assertThat(c.nearest(0.04).index()).isZero();
    assertThat(c.nearest(0.06).index()).isEqualTo(1);
    assertThat(c.nearest(0.06).index()).isEqualTo(1); // the same time twice
    assertThat(src.decoded).isEqualTo(2);
    assertThat(c.nearest(0.54).index()).isEqualTo(5);
    assertThat(src.decoded).isEqualTo(7); // no more than one frame ahead
    assertThat(c.nearest(0.95).index()).isEqualTo(9);
    assertThat(c.nearest(1.04).index()).isEqualTo(9); // within the tolerance past the end
    assertThat(c.nearest(1.2)).isNull();
  }

  @Test
  void refusesToGoBack() throws Exception {
    FrameCursor c = new FrameCursor(new Frames(), 0.15);
    c.nearest(0.5);
    assertThatThrownBy(() -> c.nearest(0.4)).isInstanceOf(IllegalArgumentException.class);
  }
}
