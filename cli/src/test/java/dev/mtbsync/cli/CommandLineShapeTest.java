package dev.mtbsync.cli;

import static dev.mtbsync.cli.MainTest.mtbsync;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.cli.MainTest.Run;
import dev.mtbsync.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flags users type: one name for the batch root, help that lists what works, usage errors. */
class CommandLineShapeTest {

  @TempDir Path dir;

  @Test
  void syncAndBatchTakeTheBatchRootAsRootAsEveryOtherCommandDoes() throws IOException {
    Path pair = dir.resolve("pair");
    Run synth =
        mtbsync("synth", "--out", pair.toString(), "--duration", "4", "--size", "320x180", "-q");
    assertThat(synth.code()).as(synth.err()).isZero();

    Path root = dir.resolve("root");
    Run sync =
        mtbsync(
            "sync",
            "--reference",
            pair.resolve("ref.mp4").toString(),
            "--new",
            pair.resolve("new.mp4").toString(),
            "--root",
            root.toString(),
            "--no-gpu",
            "-q");
    assertThat(sync.code()).as(sync.err()).isZero();
    assertThat(runFolders(root)).hasSize(1);
    assertThat(runFolders(root).get(0).resolve("timewarp.json")).isRegularFile();

    Path input = Files.createDirectories(dir.resolve("input"));
    Files.copy(pair.resolve("new.mp4"), input.resolve("a.mp4"));
    Path batchRoot = dir.resolve("batch");
    Run batch =
        mtbsync(
            "batch",
            input.toString(),
            "--reference",
            pair.resolve("ref.mp4").toString(),
            "--root",
            batchRoot.toString(),
            "--no-gpu",
            "-q");
    assertThat(batch.code()).as(batch.err()).isZero();
    assertThat(batchRoot.resolve("batch_summary.csv")).isRegularFile();

    // the Python tool's names stay: sync --out and batch --out-dir are the same option
    assertThat(mtbsync("sync", "--help").out()).contains("--out, --root=DIR");
    assertThat(mtbsync("batch", "--help").out()).contains("--root, --out-dir=DIR");
  }

  @Test
  void warpHelpListsOnlyTheFlagsWarpUses() throws IOException {
    Run help = mtbsync("warp", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out())
        .contains("--pairs", "--warp-window-sec", "--warp-max-p90", "--anchors")
        .doesNotContain("--clahe", "--fast", "--fps", "--new-fps", "--threads");
    // and warp refuses them as the unknown flags they are there
    Path pairs = Files.writeString(dir.resolve("pairs.csv"), "t_new,t_ref\n1,1\n");
    Run clahe =
        mtbsync(
            "warp",
            "--pairs",
            pairs.toString(),
            "--out",
            dir.resolve("t.json").toString(),
            "--clahe");
    assertThat(clahe.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(clahe.err()).contains("Unknown option: '--clahe'");
  }

  @Test
  void aUsageErrorExitsTwoWithOneLineNamingTheFlag() throws IOException {
    Path ref = Files.writeString(dir.resolve("ref.mp4"), "x");
    Path neu = Files.writeString(dir.resolve("new.mp4"), "x");
    Run run =
        mtbsync(
            "sync",
            "--reference",
            ref.toString(),
            "--new",
            neu.toString(),
            "--root",
            dir.resolve("runs").toString(),
            "--export",
            "csv");
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .isEqualTo("mtbsync: --export needs --ref-markers: there are no markers\n");
    assertThat(dir.resolve("runs")).doesNotExist();

    // an engine parameter out of range is told by the flag typed, before any decoding
    Run window =
        mtbsync(
            "sync",
            "--reference",
            ref.toString(),
            "--new",
            neu.toString(),
            "--root",
            dir.resolve("runs").toString(),
            "--warp-window-sec",
            "0");
    assertThat(window.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(window.err()).startsWith("mtbsync: --warp-window-sec must be 0.2 to 10 s, got 0.0");
    Run jobs =
        mtbsync(
            "batch",
            dir.toString(),
            "--reference",
            ref.toString(),
            "--root",
            dir.resolve("runs").toString(),
            "--jobs",
            "0");
    assertThat(jobs.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(jobs.err()).isEqualTo("mtbsync: --jobs must be 1 to 16, got 0\n");
    assertThat(dir.resolve("runs")).doesNotExist();

    // checked by the engine's request before the "videos" (one byte each) are opened: a decode
    // would have failed first, with exit 1, naming the file
    Run review =
        mtbsync(
            "sync",
            "--reference",
            ref.toString(),
            "--new",
            neu.toString(),
            "--root",
            dir.resolve("runs").toString(),
            "--review-threshold",
            "2");
    assertThat(review.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(review.err()).isEqualTo("mtbsync: --review-threshold must be 0 to 1, got 2.0\n");
    assertThat(dir.resolve("runs")).doesNotExist();
    Run batchReview =
        mtbsync(
            "batch",
            dir.toString(),
            "--reference",
            ref.toString(),
            "--root",
            dir.resolve("runs").toString(),
            "--review-threshold",
            "-1");
    assertThat(batchReview.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(batchReview.err())
        .isEqualTo("mtbsync: --review-threshold must be 0 to 1, got -1.0\n");
    assertThat(dir.resolve("runs")).doesNotExist();
    // the "timewarp" is no JSON: the threshold is refused before it is read
    Run transfer =
        mtbsync(
            "transfer",
            "--ref-markers",
            ref.toString(),
            "--timewarp-json",
            neu.toString(),
            "--out",
            dir.resolve("m.csv").toString(),
            "--review-threshold",
            "1.5");
    assertThat(transfer.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(transfer.err()).isEqualTo("mtbsync: --review-threshold must be 0 to 1, got 1.5\n");
    assertThat(dir.resolve("m.csv")).doesNotExist();

    assertThat(Main.exitCode(new UsageException("x"))).isEqualTo(ExitCodes.USAGE);
    assertThat(Main.exitCode(new ConfigException("jobs", "must be 1 to 16, got 0")))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(Main.exitCode(new IOException("x"))).isEqualTo(ExitCodes.ERROR);
  }

  private static List<Path> runFolders(Path root) throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("run.json"))).toList();
    }
  }
}
