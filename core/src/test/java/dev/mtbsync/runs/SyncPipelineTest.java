package dev.mtbsync.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtbsync.Progress;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.markers.MarkerFormatException;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.match.MatchConfig;
import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthRenderer;
import dev.mtbsync.synth.SynthTruth;
import dev.mtbsync.video.VideoFormatException;
import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Syncs rendered pairs end to end and checks the markers against the known truth. */
class SyncPipelineTest {

  @TempDir static Path pairs;
  static Path pair;
  static Path other;

  @TempDir Path out;

  @BeforeAll
  static void render() throws IOException {
    pair = pairs.resolve("a");
    other = pairs.resolve("b");
    SynthRenderer.render(new SynthConfig(5, 14, 640, 360, 30, 60), pair, Progress.NONE);
    SynthRenderer.render(new SynthConfig(99, 6, 640, 360, 30, 30), other, Progress.NONE);
  }

  private SyncResult sync(Path ref, Path neu, Path markers) throws IOException {
    return sync(ref, neu, null, markers);
  }

  private SyncResult sync(Path ref, Path neu, Path index, Path markers) throws IOException {
    return SyncPipeline.run(
        new SyncRequest(
            ref,
            neu,
            index,
            markers,
            out,
            OrbConfig.DEFAULT,
            new OrbConfig(3, 960, 500, false),
            MatchConfig.defaults(),
            WarpConfig.DEFAULT,
            0.6),
        Progress.NONE);
  }

  @Test
  void carriesMarkersToWithinAFewFramesOfTheTruth() throws IOException {
    SyncResult r =
        sync(pair.resolve("ref.mp4"), pair.resolve("new.mp4"), pair.resolve("ref_markers.csv"));
    assertThat(r.ok()).as(String.join("; ", r.problems())).isTrue();
    SynthTruth truth = SynthTruth.read(pair.resolve("truth.json"));
    List<Double> errors = new ArrayList<>();
    for (int i = 0; i < r.markers().size(); i++) {
      NewMarker m = r.markers().get(i);
      Double t = truth.markers().get(i).tNew();
      if (t != null && !Double.isNaN(m.tNew())) {
        errors.add(Math.abs(m.tNew() - t));
      }
    }
    Collections.sort(errors);
    double frame = 1 / 60.0;
    assertThat(errors).hasSizeGreaterThanOrEqualTo(5);
    assertThat(errors.get(errors.size() / 2)).as("median error (s)").isLessThan(2 * frame);
    assertThat(errors.get(errors.size() - 1)).as("largest error (s)").isLessThan(0.25);
    try (var files = Files.list(r.runDir())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "run.json",
              "pairs_raw.csv",
              "pairs.csv",
              "timewarp.json",
              "perf.json",
              "new_markers.csv",
              "placements.csv",
              "splits.csv",
              "delta.csv");
    }
    assertThat(TimewarpFile.read(r.runDir().resolve("timewarp.json")).validTo())
        .isCloseTo(r.warp().validTo(), org.assertj.core.data.Offset.offset(1e-5));
    assertThat(Files.readAllLines(r.runDir().resolve("new_markers.csv")).get(0))
        .isEqualTo("name,t_ref,t_new,t_new_lo,t_new_hi,confidence,needs_review,colour,comment");
  }

  @Test
  void keepsTheReferenceFramesAtTheMarkersForTheNextSync() throws IOException {
    Path markers = pair.resolve("ref_markers.csv");
    SyncResult first = sync(pair.resolve("ref.mp4"), pair.resolve("new.mp4"), markers);
    Path kept;
    try (var dirs = Files.list(out.resolve(".index-cache"))) {
      kept = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    List<Path> frames;
    try (var files = Files.list(kept)) {
      frames = files.sorted().toList();
    }
    assertThat(frames).as("one frame a marker").hasSize(first.markers().size());
    List<java.nio.file.attribute.FileTime> written = new ArrayList<>();
    for (Path f : frames) {
      written.add(Files.getLastModifiedTime(f));
    }
    SyncResult second = sync(pair.resolve("ref.mp4"), pair.resolve("new.mp4"), markers);
    assertThat(second.markers().stream().map(NewMarker::tNew).toList())
        .as("the same markers from the kept frames")
        .isEqualTo(first.markers().stream().map(NewMarker::tNew).toList());
    for (int i = 0; i < frames.size(); i++) {
      assertThat(Files.getLastModifiedTime(frames.get(i)))
          .as("%s read, not written again", frames.get(i).getFileName())
          .isEqualTo(written.get(i));
    }
  }

  @Test
  void runsOfDifferentTrailsAreNotOkAndSaySo() throws IOException {
    SyncResult r = sync(pair.resolve("ref.mp4"), other.resolve("new.mp4"), null);
    assertThat(r.ok()).isFalse();
    assertThat(r.problems()).isNotEmpty();
    String json = Files.readString(r.runDir().resolve("timewarp.json"));
    assertThat(json).contains("\"ok\" : false");
  }

  @Test
  void brokenInputsFailWithOneLineAndLeaveNothingBehind() throws IOException {
    Path good = pair.resolve("ref.mp4");
    Path empty = Files.createFile(pairs.resolve("empty.mp4"));
    Path truncated = pairs.resolve("truncated.mp4");
    byte[] whole = Files.readAllBytes(pair.resolve("new.mp4"));
    Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 3));
    Path audio = audioOnly(pairs.resolve("audio.m4a"));
    Path markers = Files.writeString(pairs.resolve("bad.csv"), "label,time\nJump,1\n");

    assertThatThrownBy(() -> sync(good, empty, null))
        .isInstanceOf(VideoFormatException.class)
        .hasMessage(empty + ": file is empty (0 bytes)");
    assertThatThrownBy(() -> sync(good, truncated, null))
        .isInstanceOf(VideoFormatException.class)
        .hasMessageStartingWith(truncated + ": truncated: the file stops before its index");
    assertThatThrownBy(() -> sync(audio, good, null))
        .isInstanceOf(VideoFormatException.class)
        .hasMessage(audio + ": contains no video stream");
    assertThatThrownBy(() -> sync(good, pairs.resolve("missing.mp4"), null))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
    assertThatThrownBy(() -> sync(good, good, markers))
        .isInstanceOf(MarkerFormatException.class)
        .hasMessageContaining("missing column 'name'");
    assertThat(out).isEmptyDirectory(); // no run folder, no index cache
  }

  private static Path audioOnly(Path file) throws IOException {
    try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), 1)) {
      r.setFormat("mp4");
      r.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
      r.setSampleRate(44100);
      r.start();
      r.recordSamples(44100, 1, ShortBuffer.wrap(new short[44100]));
      r.stop();
    }
    return file;
  }

  @Test
  void keepsTheReferenceAnalysisForTheNextSync() throws IOException {
    SyncResult first = sync(pair.resolve("ref.mp4"), pair.resolve("new.mp4"), null);
    Path cache;
    try (var files = Files.list(out.resolve(".index-cache"))) {
      cache = files.findFirst().orElseThrow();
    }
    SyncResult second = sync(pair.resolve("ref.mp4"), pair.resolve("new.mp4"), null);
    assertThat(second.warp().tRef()).containsExactly(first.warp().tRef());
    // the second sync decodes the new run only: the reference's frames come from the cache
    assertThat(second.perf().framesProcessed()).isLessThan(first.perf().framesProcessed());
    SyncResult given = sync(pair.resolve("ref.mp4"), pair.resolve("new.mp4"), cache, null);
    assertThat(given.warp().tRef()).containsExactly(first.warp().tRef());
    assertThatThrownBy(() -> sync(other.resolve("ref.mp4"), pair.resolve("new.mp4"), cache, null))
        .hasMessageContaining("index was built from another video");
  }
}
