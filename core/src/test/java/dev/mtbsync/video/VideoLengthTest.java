package dev.mtbsync.video;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VideoLengthTest {

  private static double[] frames(int n, double fps) {
    double[] pts = new double[n];
    for (int i = 0; i < n; i++) {
      pts[i] = i / fps;
    }
    return pts;
  }

  @Test
  void aCompleteFileEndsAtItsHeadersDuration() {
    VideoLength whole =
        VideoLength.of(new VideoInfo(320, 180, 30, 4.0, 120, "h264"), frames(120, 30));
    assertThat(whole.decodedSec()).isEqualTo(4.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(whole.truncated()).isFalse();
  }

  @Test
  void framesStoppingWellShortAreATruncation() {
    VideoInfo info = new VideoInfo(320, 180, 30, 12.1, 363, "h264");
    VideoLength cut = VideoLength.of(info, frames(234, 30));
    assertThat(cut.truncated()).isTrue();
    assertThat(cut.truncation())
        .isEqualTo("truncated: decodes to 7.8 s of a 12.1 s header duration");
    // a few frames short (a variable rate, an edit list) is not
    assertThat(VideoLength.of(info, frames(358, 30)).truncated()).isFalse();
    // nor is a file whose header gives no duration
    assertThat(
            VideoLength.of(new VideoInfo(320, 180, 30, Double.NaN, -1, "h264"), frames(10, 30))
                .truncated())
        .isFalse();
  }
}
