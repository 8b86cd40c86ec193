package dev.mtbsync.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.Progress;
import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.features.ReferenceIndex;
import dev.mtbsync.features.ScannedVideo;
import dev.mtbsync.features.VideoScanner;
import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthRenderer;
import dev.mtbsync.video.FileSignature;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch reads its reference's cached features once, and again only when the file changes. */
class IndexCacheTest {

  private static final OrbConfig PARAMS = new OrbConfig(3, 320, 200, false);

  @TempDir Path dir;

  @Test
  void readsAnUnchangedIndexOnceAndAReplacedOneAgain() throws IOException {
    SynthRenderer.render(
        new SynthConfig(9, 2, 320, 180, 30, 30), dir.resolve("pair"), Progress.NONE);
    Path video = dir.resolve("pair/ref.mp4");
    ScannedVideo scanned = new VideoScanner(PARAMS).scan(video, Progress.NONE, "test");
    ReferenceIndex.Entry written =
        new ReferenceIndex.Entry(PARAMS, FileSignature.of(video), scanned);
    Path file = dir.resolve("ref.mtbidx");
    ReferenceIndex.write(file, written);

    ReferenceIndex.Entry first = IndexCache.read(file);
    assertThat(IndexCache.read(file)).as("unchanged file: the entry read before").isSameAs(first);

    ReferenceIndex.write(file, written); // replaced (a new file moved into place)
    ReferenceIndex.Entry again = IndexCache.read(file);
    assertThat(again).as("replaced file: read anew").isNotSameAs(first);
    assertThat(again.video().pts()).containsExactly(scanned.pts());
  }
}
