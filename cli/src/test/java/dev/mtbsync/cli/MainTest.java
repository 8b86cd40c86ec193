package dev.mtbsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir Path dir;

  /** What one command line printed and returned. */
  record Run(int code, String out, String err) {}

  static Run mtbsync(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void helpListsTheCommandsThatWork() {
    Run run = mtbsync("--help");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Usage: mtbsync", "synth", "Render a sample pair");
  }

  @Test
  void versionIsPrinted() {
    Run run = mtbsync("--version");
    assertThat(run.code()).isZero();
    assertThat(run.out().trim()).matches("mtbsync \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void synthRendersAPairAndSaysWhere() throws IOException {
    Path out = dir.resolve("pair");
    Run run = mtbsync("synth", "--out", out.toString(), "--duration", "2", "--size", "320x180");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("rendered " + out, "ref.mp4", "new.mp4", "markers");
    assertThat(run.err()).as("no progress chatter when not on a terminal").isEmpty();
    for (String f : new String[] {"ref.mp4", "new.mp4", "ref_markers.csv", "truth.json"}) {
      assertThat(out.resolve(f)).isNotEmptyFile();
    }
  }

  @Test
  void negativeDurationIsAUsageErrorOnOneLine() {
    Run run = mtbsync("synth", "--out", dir.toString(), "--duration", "-5");
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).isEqualTo("mtbsync: duration must be 2 to 3600 s, got -5.0\n");
  }

  @Test
  void unknownSizeIsAUsageErrorOnOneLine() {
    Run run = mtbsync("synth", "--out", dir.toString(), "--size", "huge");
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .isEqualTo("mtbsync: size must be WIDTHxHEIGHT such as 1280x720, got 'huge'\n");
  }

  @Test
  void unknownNewCameraValuesAreUsageErrorsOnOneLine() {
    Run lens = mtbsync("synth", "--out", dir.toString(), "--new-lens", "tele");
    assertThat(lens.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(lens.err())
        .isEqualTo("mtbsync: new-lens must be linear, wide or fisheye, got 'tele'\n");
    Run rotate = mtbsync("synth", "--out", dir.toString(), "--new-rotate", "45");
    assertThat(rotate.err()).isEqualTo("mtbsync: new-rotate must be 0, 90, 180 or 270, got 45\n");
  }

  @Test
  void synthPrintsTheNewRunsCamera() {
    Path out = dir.resolve("chest");
    Run run =
        mtbsync(
            "synth",
            "--out",
            out.toString(),
            "--duration",
            "2",
            "--size",
            "320x180",
            "--new-mount",
            "chest",
            "--new-aspect",
            "4:3",
            "--new-zoom",
            "1.1");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("240x180", "camera   zoom 1.100, linear lens, 4:3, mount 1.00 m -10 deg");
  }

  @Test
  void unwritableOutIsAnErrorNamingThePath() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Path out = file.resolve("pair");
    Run run = mtbsync("synth", "--out", out.toString(), "--duration", "2");
    assertThat(run.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err()).startsWith("mtbsync: cannot create output folder " + out);
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void missingOutIsAUsageErrorWithAHint() {
    Run run = mtbsync("synth");
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("Missing required option: '--out=DIR'", "mtbsync synth --help");
  }

  @Test
  void verboseAddsTheStackTrace() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Run run = mtbsync("synth", "--verbose", "--out", file.resolve("x").toString());
    assertThat(run.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err().lines().count()).isGreaterThan(3);
    assertThat(run.err()).contains("\tat dev.mtbsync.");
  }

  @Test
  void syncOfAMissingVideoIsOneLineNamingIt() throws IOException {
    Path ref = Files.writeString(dir.resolve("ref.mp4"), "");
    Path missing = dir.resolve("new.mp4");
    Run run =
        mtbsync(
            "sync",
            "--reference",
            ref.toString(),
            "--new",
            missing.toString(),
            "--out",
            dir.resolve("runs").toString());
    assertThat(run.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err()).isEqualTo("mtbsync: " + missing + ": no such file or folder\n");
    assertThat(dir.resolve("runs")).doesNotExist();
  }

  /** Renders a tiny sample pair through the CLI. */
  private static void synth(Path out, int seed) {
    Run run =
        mtbsync(
            "synth",
            "--out",
            out.toString(),
            "--seed",
            "" + seed,
            "--duration",
            "4",
            "--size",
            "320x180");
    assertThat(run.code()).as(run.err()).isZero();
  }

  @Test
  void syncOfRunsOnDifferentTrailsExitsNonZeroAndSaysWhy() {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    synth(a, 1);
    synth(b, 2);
    String[] args = {
      "sync",
      "--reference",
      a.resolve("ref.mp4").toString(),
      "--new",
      b.resolve("new.mp4").toString(),
      "--out",
      dir.resolve("runs").toString()
    };
    Run run = mtbsync(args);
    assertThat(run.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err()).startsWith("mtbsync: sync not ok: ");
    assertThat(run.out()).contains("run folder");
    String[] withJson = java.util.Arrays.copyOf(args, args.length + 1);
    withJson[args.length] = "--json";
    Run json = mtbsync(withJson);
    assertThat(json.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(json.out().lines()).hasSize(1);
    assertThat(json.out()).startsWith("{\"run_dir\":").contains("\"ok\":false", "\"problems\":[\"");
  }

  @Test
  void transferWithAFailedWarpSaysSo() throws IOException {
    Path warp =
        Files.writeString(dir.resolve("timewarp.json"), "{\"ok\": false, \"schema_version\": 1}");
    Path markers = Files.writeString(dir.resolve("m.csv"), "name,t_ref\nJump,1\n");
    Run run =
        mtbsync(
            "transfer",
            "--ref-markers",
            markers.toString(),
            "--timewarp-json",
            warp.toString(),
            "--out",
            dir.resolve("new.csv").toString());
    assertThat(run.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err())
        .isEqualTo("mtbsync: " + warp + ": has no mapping (the sync failed: ok=false)\n");
  }
}
