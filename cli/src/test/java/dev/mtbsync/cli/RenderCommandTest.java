package dev.mtbsync.cli;

import static dev.mtbsync.cli.MainTest.mtbsync;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mtbsync render}: wiring, defaults and one-line errors (the engine is tested in core). */
class RenderCommandTest {

  @TempDir Path dir;

  @Test
  void rendersARunFolderIntoCompareMp4BesideIt() throws Exception {
    Path pair = dir.resolve("pair");
    assertThat(
            mtbsync("synth", "--out", pair.toString(), "--duration", "2", "--size", "320x180")
                .code())
        .isZero();
    Path run = Files.createDirectories(dir.resolve("run"));
    Files.writeString(
        run.resolve("run.json"),
        "{\"inputs\":{\"reference\":{\"path\":\""
            + pair.resolve("ref.mp4")
            + "\"},\"new\":{\"path\":\""
            + pair.resolve("new.mp4")
            + "\"}}}");
    Files.writeString(
        run.resolve("timewarp.json"),
        "{\"mapping\":{\"t_new\":[0.5,1.5],\"t_ref\":[0.4,1.4],\"confidence\":[1,1]}}");
    MainTest.Run r = mtbsync("render", run.toString(), "--layout", "pip", "--size", "320x180");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith(run.resolve("compare.mp4") + "\n").contains(" frames, 320x180 ");
    assertThat(r.err()).as("no progress when not on a terminal").isEmpty();
    assertThat(run.resolve("compare.mp4")).isNotEmptyFile();
    MainTest.Run silent = mtbsync("render", run.toString(), "--audio", "new", "--size", "320x180");
    assertThat(silent.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(silent.err())
        .isEqualTo(
            "mtbsync: " + pair.resolve("new.mp4") + ": has no sound track to carry (audio new)\n");
  }

  @Test
  void aFolderThatIsNotARunIsOneLine() {
    MainTest.Run r = mtbsync("render", dir.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err()).isEqualTo("mtbsync: " + dir + ": not a sync run folder (no run.json)\n");
  }

  @Test
  void unknownLayoutsAndBadSizesAreUsageErrors() {
    MainTest.Run r = mtbsync("render", dir.toString(), "--layout", "mosaic");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .isEqualTo(
            "mtbsync: layout must be one of side-by-side, stacked, pip, overlay, got 'mosaic'\n");
    r = mtbsync("render", dir.toString(), "--size", "1919x1080");
    assertThat(r.err())
        .isEqualTo("mtbsync: size must be even and 160 to 7680 px a side, got 1919x1080\n");
  }
}
