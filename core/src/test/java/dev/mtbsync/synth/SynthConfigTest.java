package dev.mtbsync.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SynthConfigTest {

  @Test
  void rejectsDurationsOutsideTheRange() {
    for (double d : new double[] {-5, 0, 1.9, 3601, Double.NaN}) {
      assertThatThrownBy(() -> new SynthConfig(1, d, 1280, 720, 30, 60).validate())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("duration must be 2 to 3600 s");
    }
  }

  @Test
  void rejectsOddAndOutOfRangeSizes() {
    assertThatThrownBy(() -> new SynthConfig(1, 10, 641, 360, 30, 60).validate())
        .hasMessageContaining("even");
    assertThatThrownBy(() -> new SynthConfig(1, 10, 100, 50, 30, 60).validate())
        .hasMessageContaining("between 160x90 and 3840x2160");
  }

  @Test
  void rejectsFrameRatesOutsideTheRange() {
    assertThatThrownBy(() -> new SynthConfig(1, 10, 640, 360, 0, 60).validate())
        .hasMessage("fps must be 1 to 240, got 0.0");
    assertThatThrownBy(() -> new SynthConfig(1, 10, 640, 360, 30, 500).validate())
        .hasMessage("new-fps must be 1 to 240, got 500.0");
  }

  @Test
  void parsesSizesAndExplainsBadOnes() {
    assertThat(SynthConfig.parseSize("1920x1080")).containsExactly(1920, 1080);
    assertThat(SynthConfig.parseSize(" 640X360 ")).containsExactly(640, 360);
    for (String bad : new String[] {"12x", "hd", "1280*720", "x720", "1280x720x3"}) {
      assertThatThrownBy(() -> SynthConfig.parseSize(bad))
          .hasMessage("size must be WIDTHxHEIGHT such as 1280x720, got '" + bad + "'");
    }
  }
}
