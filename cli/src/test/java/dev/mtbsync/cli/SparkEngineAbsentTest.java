package dev.mtbsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The everyday jar carries no Spark: --engine spark points to the jar that does. */
class SparkEngineAbsentTest {

  @TempDir Path dir;

  @Test
  void engineSparkWithoutTheSparkJarIsOneLineNamingIt() throws Exception {
    Files.writeString(dir.resolve("ref.mp4"), "not read: the engine is checked first");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args = {
      "batch",
      dir.toString(),
      "--reference",
      dir.resolve("ref.mp4").toString(),
      "--out-dir",
      dir.resolve("root").toString(),
      "--engine",
      "spark"
    };
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .contains("--engine spark", "mtbsync-spark.jar");
    assertThat(dir.resolve("root")).doesNotExist();
  }

  @Test
  void masterWithoutASparkEngineIsAUsageError() throws java.io.IOException {
    StringWriter err = new StringWriter();
    String ref = java.nio.file.Files.createFile(dir.resolve("ref.mp4")).toString();
    String[] args = {
      "batch", dir.toString(), "--reference", ref, "--out-dir", "root", "--master", "local[2]"
    };
    int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--master needs --engine spark");
  }
}
