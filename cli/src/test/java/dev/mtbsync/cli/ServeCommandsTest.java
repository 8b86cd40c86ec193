package dev.mtbsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** dashboard, telemetry-ui and compare-ui: ports, usage, and serving until stopped. */
class ServeCommandsTest {

  @TempDir Path dir;

  static ServeOptions options(String... args) {
    ServeOptions o = new ServeOptions();
    new CommandLine(o).parseArgs(args);
    return o;
  }

  @Test
  void portComesFromTheFlagThenTheEnvironmentThenTheDefault() {
    Map<String, String> env = Map.of("MTB_DASHBOARD_PORT", "9001");
    assertThat(options("--port", "9100").port("MTB_DASHBOARD_PORT", 8760, env)).isEqualTo(9100);
    assertThat(options().port("MTB_DASHBOARD_PORT", 8760, env)).isEqualTo(9001);
    assertThat(options().port("MTB_DASHBOARD_PORT", 8760, Map.of())).isEqualTo(8760);
    assertThat(options().port("MTB_TELEMETRY_PORT", 8761, env)).isEqualTo(8761);
    assertThat(options().host).isEqualTo("127.0.0.1");
    assertThat(options().openBrowser).as("never opens a browser unless asked").isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> options().port("MTB_COMPARE_PORT", 8762, Map.of("MTB_COMPARE_PORT", "http")))
        .hasMessage("MTB_COMPARE_PORT must be a port number (0 to 65535), got 'http'");
  }

  @Test
  void dashboardServesTheRootUntilStopped() throws Exception {
    Files.createDirectories(dir.resolve("runs"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger code = new AtomicInteger(-1);
    Thread serving =
        new Thread(
            () ->
                code.set(
                    Main.run(
                        new String[] {
                          "dashboard", "--root", dir.resolve("runs").toString(), "--port", "0"
                        },
                        new PrintWriter(out, true),
                        new PrintWriter(err, true))));
    serving.start();
    String url = awaitUrl(out);
    assertThat(url).as(err.toString()).startsWith("http://127.0.0.1:").endsWith("/");
    HttpResponse<String> runs =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url + "api/runs")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(runs.statusCode()).isEqualTo(200);
    assertThat(runs.body()).contains("\"runs\":[]");
    serving.interrupt();
    serving.join(10_000);
    assertThat(serving.isAlive()).isFalse();
    assertThat(code.get()).as(err.toString()).isZero();
  }

  @Test
  void compareUiWantsEitherTheFilesOrARoot() throws IOException {
    MainTest.Run neither = MainTest.mtbsync("compare-ui");
    assertThat(neither.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(neither.err()).contains("give --ref, --new and --timewarp-json, or --root");
    Path a = Files.createFile(dir.resolve("a.mp4"));
    Path b = Files.createFile(dir.resolve("b.mp4"));
    MainTest.Run both =
        MainTest.mtbsync(
            "compare-ui", "--root", dir.toString(), "--ref", a.toString(), "--new", b.toString());
    assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
    MainTest.Run missing =
        MainTest.mtbsync(
            "compare-ui",
            "--ref",
            dir.resolve("ref.mp4").toString(),
            "--new",
            dir.resolve("new.mp4").toString(),
            "--timewarp-json",
            dir.resolve("timewarp.json").toString());
    assertThat(missing.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(missing.err())
        .isEqualTo("mtbsync: " + dir.resolve("ref.mp4") + ": no such file or folder\n");
  }

  @Test
  void aMissingRootIsOneLine() {
    MainTest.Run r =
        MainTest.mtbsync("telemetry-ui", "--root", dir.resolve("nope").toString(), "--port", "0");
    assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err()).isEqualTo("mtbsync: " + dir.resolve("nope") + ": no such file or folder\n");
  }

  @Test
  void aTakenPortIsOneLineNamingTheVariable() throws IOException {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      MainTest.Run r =
          MainTest.mtbsync(
              "dashboard",
              "--root",
              dir.toString(),
              "--port",
              String.valueOf(taken.getLocalPort()));
      assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
      assertThat(r.err())
          .isEqualTo(
              "mtbsync: 127.0.0.1:"
                  + taken.getLocalPort()
                  + ": the port is in use: pass --port or set MTB_DASHBOARD_PORT\n");
    }
  }

  @Test
  void demoWithNoServeReturnsWhenItsRunIsDone() {
    MainTest.Run r =
        MainTest.mtbsync(
            "demo",
            "--no-serve",
            "--quiet",
            "--duration",
            "3",
            "--out",
            dir.resolve("demo").toString());
    assertThat(r.out()).contains("marker").doesNotContain("http://");
    assertThat(dir.resolve("demo/runs")).isDirectory();
  }

  private static String awaitUrl(StringWriter out) throws InterruptedException {
    Pattern p = Pattern.compile("(http://\\S+)");
    for (int i = 0; i < 300; i++) {
      Matcher m = p.matcher(out.toString());
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(50);
    }
    return "";
  }
}
