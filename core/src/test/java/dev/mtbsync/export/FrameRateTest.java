package dev.mtbsync.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrameRateTest {

  @Test
  void readsTheRatesAsUsersWriteThem() {
    assertThat(FrameRate.parse("23.976")).isEqualTo(new FrameRate(24000, 1001));
    assertThat(FrameRate.parse("23.98")).isEqualTo(FrameRate.FPS_23_976);
    assertThat(FrameRate.parse("29.97")).isEqualTo(FrameRate.FPS_29_97);
    assertThat(FrameRate.parse("30000/1001")).isEqualTo(FrameRate.FPS_29_97);
    assertThat(FrameRate.parse("59.94")).isEqualTo(FrameRate.FPS_59_94);
    assertThat(FrameRate.parse(" 25 ")).isEqualTo(FrameRate.FPS_25);
    for (FrameRate r : FrameRate.ALL) {
      assertThat(FrameRate.parse(r.label())).isEqualTo(r);
    }
  }

  @Test
  void measuredRatesSnapToTheRateTheyStandFor() {
    assertThat(FrameRate.nearest(29.97002997)).contains(FrameRate.FPS_29_97);
    assertThat(FrameRate.nearest(30.0)).contains(FrameRate.FPS_30);
    assertThat(FrameRate.nearest(24.0)).contains(FrameRate.FPS_24);
    assertThat(FrameRate.nearest(23.976)).contains(FrameRate.FPS_23_976);
    assertThat(FrameRate.nearest(29.98))
        .as("a phone's variable-rate average")
        .contains(FrameRate.FPS_29_97);
    assertThat(FrameRate.nearest(119.88)).isEmpty();
  }

  @Test
  void otherRatesAreRefusedNamingTheGoodOnes() {
    assertThatThrownBy(() -> FrameRate.parse("12"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "frame rate 12 is not one editors use; give one of 23.976, 24, 25, 29.97, 30, 50,"
                + " 59.94, 60");
    assertThatThrownBy(() -> FrameRate.parse("fast")).hasMessageStartingWith("frame rate 'fast'");
  }

  @Test
  void timesGoToTheNearestFrameAndHalvesToTheLaterOne() {
    FrameRate r = FrameRate.FPS_25;
    assertThat(r.frameAt(0.0)).isZero();
    assertThat(r.frameAt(0.0199)).isZero();
    assertThat(r.frameAt(0.02)).as("exactly half a frame").isEqualTo(1);
    assertThat(r.frameAt(0.039)).isEqualTo(1);
    assertThat(FrameRate.FPS_29_97.frameAt(60.06)).isEqualTo(1800);
    assertThat(FrameRate.FPS_29_97.frameAt(600.0)).isEqualTo(17982);
  }

  @Test
  void knowsItsTimebaseAndNtscFlag() {
    assertThat(FrameRate.FPS_23_976.timebase()).isEqualTo(24);
    assertThat(FrameRate.FPS_59_94.timebase()).isEqualTo(60);
    assertThat(FrameRate.FPS_29_97.ntsc()).isTrue();
    assertThat(FrameRate.FPS_30.ntsc()).isFalse();
    assertThat(FrameRate.FPS_29_97.allowsDropFrame()).isTrue();
    assertThat(FrameRate.FPS_23_976.allowsDropFrame()).isFalse();
    assertThat(FrameRate.FPS_23_976.label()).isEqualTo("23.976");
    assertThat(FrameRate.FPS_29_97.toString()).isEqualTo("29.97 fps");
  }
}
