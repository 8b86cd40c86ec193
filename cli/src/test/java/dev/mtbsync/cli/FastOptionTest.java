package dev.mtbsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code --fast} samples fewer frames at rates whose ratio is a whole number: the coarse path steps
 * through the reference by the rounded ratio, and 5 against 2 a second (2.5, rounded to 3) left a
 * 60 s 1080p60 pair with no pair at all.
 */
class FastOptionTest {

  @Command(name = "probe")
  static final class Probe {
    @Mixin SyncOptions sync;
  }

  private static SyncOptions parse(String... args) {
    Probe p = new Probe();
    new CommandLine(p).parseArgs(args);
    return p.sync;
  }

  @Test
  void fastSamplesTheReferenceAtTwiceTheNewRunsRate() {
    SyncOptions fast = parse("--fast");
    double ratio = fast.refOrb().sampleFps() / fast.newOrb().sampleFps();
    assertThat(ratio).isEqualTo(Math.rint(ratio)).isEqualTo(2.0);
    assertThat(fast.newOrb().sampleFps()).isLessThan(parse().newOrb().sampleFps());
    assertThat(fast.newOrb().keypoints()).isLessThan(parse().newOrb().keypoints());
  }

  @Test
  void explicitRatesBelowTheFastOnesAreKept() {
    SyncOptions slow = parse("--fast", "--fps", "4", "--new-fps", "2");
    assertThat(slow.refOrb().sampleFps()).isEqualTo(4.0);
    assertThat(slow.newOrb().sampleFps()).isEqualTo(2.0);
  }

  @Test
  void markersArePlacedOnTheFramesUnlessWarpMarkersOrFastSayOtherwise() {
    assertThat(parse().match().placeOnFrames()).isTrue();
    assertThat(parse("--warp-markers").match().placeOnFrames()).isFalse();
    assertThat(parse("--fast").match().placeOnFrames()).isFalse();
    assertThat(parse("--threads", "1").match().estimateLens()).as("the lens untouched").isTrue();
  }
}
