package dev.mtbsync.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bytedeco.opencv.global.opencv_core;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cores a sync asks for also bound OpenCV's own worker pool. */
class OpenCvCoresTest {

  private final int before = opencv_core.getNumThreads();

  @AfterEach
  void restore() {
    opencv_core.setNumThreads(before);
  }

  @Test
  void oneCoreLeavesOpenCvOneThreadAndMoreGiveItThatMany() {
    OpenCvCores.limit(1);
    assertThat(opencv_core.getNumThreads()).isEqualTo(1);
    OpenCvCores.limit(2);
    assertThat(opencv_core.getNumThreads()).isEqualTo(2);
  }

  @Test
  void noCoreIsRefused() {
    assertThatThrownBy(() -> OpenCvCores.limit(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
