package dev.mtbsync.gps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CameraSettingsTest {

  @TempDir Path dir;

  @Test
  void aHeroMaxFileNamesItsWideLensAndFieldOfView() {
    Path video = SharedData.require("video/gpmf-parser_max-heromode.mp4");
    CameraSettings s = CameraSettings.read(video);
    assertThat(s.knowsLens()).isTrue();
    assertThat(s.lensMode()).isEqualTo("W");
    assertThat(s.diagonalFovDeg()).isCloseTo(137.39, within(0.01));
  }

  @Test
  void aFileWithoutSettingsOrNoMp4AtAllSaysNothing() throws IOException {
    Path karma = SharedData.require("video/gpmf-parser_karma.mp4");
    assertThat(CameraSettings.read(karma)).isEqualTo(CameraSettings.UNKNOWN);
    Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video");
    assertThat(CameraSettings.read(text).knowsLens()).isFalse();
  }
}
