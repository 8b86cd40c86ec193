package dev.mtbsync.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtbsync.Progress;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.config.ConfigException;
import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.match.MatchConfig;
import dev.mtbsync.telemetry.TelemetryConfig;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration value out of range is refused before any file is opened: with videos that do not
 * exist, the configuration's message wins over the missing file, and nothing is written.
 */
class ConfigFirstTest {

  @TempDir Path dir;

  private static final WarpConfig NO_WINDOW = new WarpConfig(0, 0.3, 0.25, 500, null, 1.0);

  private SyncRequest request(OrbConfig newOrb, WarpConfig warp, double reviewThreshold) {
    return new SyncRequest(
        dir.resolve("missing-ref.mp4"),
        dir.resolve("missing-new.mp4"),
        null,
        null,
        dir.resolve("runs"),
        OrbConfig.DEFAULT,
        newOrb,
        MatchConfig.defaults(),
        warp,
        reviewThreshold);
  }

  @Test
  void aZeroWarpWindowIsAConfigErrorNotRunsThatDoNotOverlap() {
    assertThatThrownBy(
            () -> SyncPipeline.run(request(OrbConfig.DEFAULT, NO_WINDOW, 0.6), Progress.NONE))
        .isExactlyInstanceOf(ConfigException.class)
        .hasMessage("warp window must be 0.2 to 10 s, got 0.0")
        .satisfies(
            e -> {
              ConfigException c = (ConfigException) e;
              assertThat(c.parameter()).isEqualTo("warp window");
              assertThat(c.as("--warp-window-sec"))
                  .isEqualTo("--warp-window-sec must be 0.2 to 10 s, got 0.0");
            });
    assertThat(dir.resolve("runs")).doesNotExist();
  }

  @Test
  void theNewRunsAnalysisIsToldApartFromTheReferences() {
    assertThatThrownBy(() -> request(new OrbConfig(0, 960, 500, false), WarpConfig.DEFAULT, 0.6))
        .isInstanceOf(ConfigException.class)
        .hasMessage("new fps must be 0.5 to 30, got 0.0");
  }

  @Test
  void theReviewThresholdIsCheckedWithTheRestNotAfterDecoding() {
    assertThatThrownBy(() -> request(OrbConfig.DEFAULT, WarpConfig.DEFAULT, 1.5))
        .isInstanceOf(ConfigException.class)
        .hasMessage("review threshold must be 0 to 1, got 1.5");
  }

  @Test
  void withAGoodConfigurationTheMissingVideoIsWhatFails() {
    SyncRequest ok = request(OrbConfig.DEFAULT, WarpConfig.DEFAULT, 0.6);
    assertThatThrownBy(() -> SyncPipeline.run(ok, Progress.NONE, TelemetryConfig.NO_GPU))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("missing-ref.mp4");
  }

  @Test
  void aBatchChecksEverySyncParameterBeforeLookingForVideos() {
    BatchRunner.Config config =
        new BatchRunner.Config(
            dir.resolve("no-such-folder"),
            dir.resolve("missing-ref.mp4"),
            null,
            dir.resolve("runs"),
            OrbConfig.DEFAULT,
            OrbConfig.DEFAULT,
            MatchConfig.defaults(),
            NO_WINDOW,
            0.6,
            2,
            TelemetryConfig.NO_GPU);
    assertThatThrownBy(() -> new BatchRunner(config, new BatchRunner.Listener() {}))
        .isInstanceOf(ConfigException.class)
        .hasMessage("warp window must be 0.2 to 10 s, got 0.0");
    assertThat(dir.resolve("runs")).doesNotExist();
  }
}
