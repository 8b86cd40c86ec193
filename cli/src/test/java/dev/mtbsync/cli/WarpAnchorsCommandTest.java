package dev.mtbsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.runs.TimewarpFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mtbsync warp --anchors}: pins repair what the pictures got wrong, or are refused. */
class WarpAnchorsCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  /** Pairs of a rider 2 s behind, but for 10..14 s, where they matched a look-alike 6 s early. */
  private Path pairs() throws Exception {
    StringBuilder csv = new StringBuilder("t_new,t_ref,confidence\n");
    for (int i = 0; i <= 90; i++) {
      double t = i / 3.0;
      double r = t + 2 - (t > 10 && t < 14 ? 6 : 0);
      csv.append(String.format(Locale.ROOT, "%.6f,%.6f,0.9%n", t, r));
    }
    return Files.writeString(dir.resolve("pairs.csv"), csv);
  }

  @Test
  void warpPassesThroughThePinsOfAnAnchorsFile() throws Exception {
    Path anchors =
        Files.writeString(dir.resolve("anchors.csv"), "t_new,t_ref,note\n10,12,in\n14,16,out\n");
    Path json = dir.resolve("timewarp.json");
    int code =
        run(
            "warp",
            "--pairs",
            pairs().toString(),
            "--anchors",
            anchors.toString(),
            "--out",
            json.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("through 2 pins");
    MonotoneWarp warp = TimewarpFile.read(json);
    for (double t = 10; t <= 14; t += 0.25) {
      assertThat(warp.map(t)).as("t=%.2f", t).isCloseTo(t + 2, within(0.01));
    }
  }

  @Test
  void pinsThatRunBackwardsAreAUsageErrorNamingThem() throws Exception {
    Path anchors =
        Files.writeString(dir.resolve("anchors.csv"), "t_new,t_ref,note\n10,12,in\n14,11,out\n");
    int code =
        run(
            "warp",
            "--pairs",
            pairs().toString(),
            "--anchors",
            anchors.toString(),
            "--out",
            dir.resolve("timewarp.json").toString());
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains("pin 'in' (new 10.000 s = ref 12.000 s)")
        .contains("pin 'out' (new 14.000 s = ref 11.000 s)");
    assertThat(dir.resolve("timewarp.json")).doesNotExist();
  }
}
