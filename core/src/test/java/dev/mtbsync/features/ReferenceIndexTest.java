package dev.mtbsync.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtbsync.Progress;
import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthRenderer;
import dev.mtbsync.video.FileSignature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceIndexTest {

  private static final OrbConfig PARAMS = new OrbConfig(5, 640, 300, false);

  @TempDir static Path dir;
  static Path video;
  static Path other;
  static ScannedVideo scanned;

  @BeforeAll
  static void scan() throws IOException {
    SynthRenderer.render(
        new SynthConfig(4, 3, 320, 180, 30, 30), dir.resolve("pair"), Progress.NONE);
    video = dir.resolve("pair/ref.mp4");
    other = dir.resolve("pair/new.mp4");
    scanned = new VideoScanner(PARAMS).scan(video, Progress.NONE, "test");
  }

  @Test
  void readsBackWhatItWrote() throws IOException {
    Path file = dir.resolve("ref.mtbidx");
    ReferenceIndex.write(file, new ReferenceIndex.Entry(PARAMS, FileSignature.of(video), scanned));
    ReferenceIndex.Entry e = ReferenceIndex.read(file);
    assertThat(e.params()).isEqualTo(PARAMS);
    assertThat(e.source()).isEqualTo(FileSignature.of(video));
    assertThat(e.video().pts()).containsExactly(scanned.pts());
    assertThat(e.video().samples()).hasSameSizeAs(scanned.samples());
    for (int i = 0; i < scanned.samples().size(); i++) {
      FrameFeatures a = scanned.samples().get(i);
      FrameFeatures b = e.video().samples().get(i);
      assertThat(b.tSec()).isEqualTo(a.tSec());
      assertThat(b.keypoints()).containsExactly(a.keypoints());
      assertThat(b.descriptors()).containsExactly(a.descriptors());
      assertThat(b.signature()).containsExactly(a.signature());
    }
    ReferenceIndex.check(file, e, FileSignature.of(video), PARAMS); // matches: no exception
  }

  @Test
  void refusesAnIndexOfAnotherVideoOrOtherSettings() throws IOException {
    Path file = dir.resolve("check.mtbidx");
    ReferenceIndex.write(file, new ReferenceIndex.Entry(PARAMS, FileSignature.of(video), scanned));
    ReferenceIndex.Entry e = ReferenceIndex.read(file);
    assertThatThrownBy(() -> ReferenceIndex.check(file, e, FileSignature.of(other), PARAMS))
        .hasMessageContaining("index was built from another video");
    OrbConfig denser = new OrbConfig(10, 640, 300, false);
    assertThatThrownBy(() -> ReferenceIndex.check(file, e, FileSignature.of(video), denser))
        .hasMessageContaining("index was built with other settings");
  }

  @Test
  void refusesFilesThatAreNotWholeIndexes() throws IOException {
    Path junk = Files.writeString(dir.resolve("junk.mtbidx"), "hello");
    assertThatThrownBy(() -> ReferenceIndex.read(junk)).hasMessage(junk + ": not an mtbsync index");
    Path whole = dir.resolve("whole.mtbidx");
    ReferenceIndex.write(whole, new ReferenceIndex.Entry(PARAMS, FileSignature.of(video), scanned));
    byte[] bytes = Files.readAllBytes(whole);
    Path cut =
        Files.write(dir.resolve("cut.mtbidx"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> ReferenceIndex.read(cut)).hasMessageContaining("index is cut short");
  }
}
