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
  void rejectsNewCamerasOutsideTheirRanges() {
    SynthConfig c = new SynthConfig(1, 10, 1280, 720, 30, 60);
    NewCamera d = NewCamera.DEFAULT;
    assertThatThrownBy(() -> c.withNewCamera(zoom(d, 2.0)).validate())
        .hasMessage("new-zoom must be 0.6 to 1.6, got 2.0");
    NewCamera fisheyeTall =
        new NewCamera(1.0, NewCamera.Lens.FISHEYE, NewCamera.Aspect.TALL, 1.45, 0, null, false, 0);
    assertThatThrownBy(() -> c.withNewCamera(fisheyeTall).validate())
        .hasMessageStartingWith("new camera sees 74 degrees off axis at its corners")
        .hasMessageEndingWith("raise --new-zoom");
    assertThat(c.withNewCamera(zoom(fisheyeTall, 1.1)).validate()).isNotNull();
    NewCamera low =
        new NewCamera(null, NewCamera.Lens.LINEAR, NewCamera.Aspect.WIDE, 0.2, 0, null, false, 0);
    assertThatThrownBy(() -> c.withNewCamera(low).validate())
        .hasMessage("new-mount-height must be 0.5 to 2.5 m, got 0.2");
    NewCamera tallHuge =
        new NewCamera(null, NewCamera.Lens.LINEAR, NewCamera.Aspect.TALL, 1.45, 0, null, false, 0);
    assertThatThrownBy(() -> new SynthConfig(1, 10, 3840, 2160, 30, 60, tallHuge).validate())
        .hasMessage("new-aspect 4:3-tall makes the new run 3840x2880, outside 160x90 to 3840x2160");
  }

  @Test
  void namedMountsAndShapesHaveTheDocumentedNumbers() {
    assertThat(NewCamera.mount("helmet")).containsExactly(1.45, 0);
    assertThat(NewCamera.mount("Chest")).containsExactly(1.0, -10);
    assertThat(NewCamera.Aspect.parse("4:3").size(1280, 720)).containsExactly(960, 720);
    assertThat(NewCamera.Aspect.parse("4:3-tall").size(1280, 720)).containsExactly(1280, 960);
    assertThat(NewCamera.Aspect.parse("4:3").size(854, 480)).containsExactly(640, 480);
    assertThatThrownBy(() -> NewCamera.mount("bar"))
        .hasMessage("new-mount must be helmet or chest, got 'bar'");
  }

  private static NewCamera zoom(NewCamera c, double zoom) {
    return new NewCamera(
        zoom,
        c.lens(),
        c.aspect(),
        c.mountHeightM(),
        c.mountPitchDeg(),
        c.lineOffsetM(),
        c.stabilise(),
        c.rotateDeg());
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
