package dev.mtbsync.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mtbsync.Progress;
import dev.mtbsync.cli.Main;
import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch on a real Spark standalone cluster: a master and a worker in JVMs of their own, started
 * from the built {@code target/mtbsync-spark.jar}, and the batch's driver a third, run as the
 * README says ({@code java -jar mtbsync-spark.jar batch ... --master spark://...}).
 *
 * <p>The worker's Spark install ({@code SPARK_HOME/jars}) is the Spark jar without mtbsync and
 * JavaCV, as on a cluster with a stock Spark: its executors can only sync if they load mtbsync and
 * the FFmpeg/OpenCV natives from the jar the driver ships. Run by surefire in the {@code
 * integration-test} phase, after {@code package} built the jar ({@code mvn -pl spark -am verify}).
 */
class SparkStandaloneIT {

  /** Set by the pom's integration-test run only: the test phase runs before the jar is packaged. */
  private static final String JAR_PROPERTY = "mtbsync.spark.jar";

  private static Path jar;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static Path input;
  static Path reference;
  static Path refMarkers;
  static Path work;
  static String master;
  static final List<Process> CLUSTER = new ArrayList<>();

  @BeforeAll
  static void startCluster() throws Exception {
    String built = System.getProperty(JAR_PROPERTY);
    if (built == null) {
      System.out.println(
          "SKIPPED SparkStandaloneIT: runs after package (mvn -pl spark -am verify)");
    }
    assumeThat(built)
        .as("runs in the integration-test phase, after package: mvn -pl spark -am verify")
        .isNotNull();
    jar = Path.of(built).toAbsolutePath();
    assumeThat(Files.isRegularFile(jar)).as(jar + " is not built").isTrue();
    Path sparkHome = tmp.resolve("spark-home");
    sparkOnly(jar, Files.createDirectories(sparkHome.resolve("jars")).resolve("spark.jar"));
    work = Files.createDirectories(tmp.resolve("worker"));
    int port = freePort();
    int ui = freePort();
    master = "spark://127.0.0.1:" + port;
    CLUSTER.add(
        start(
            "master",
            List.of(
                "org.apache.spark.deploy.master.Master",
                "--host",
                "127.0.0.1",
                "--port",
                "" + port,
                "--webui-port",
                "" + ui),
            sparkHome));
    CLUSTER.add(
        start(
            "worker",
            List.of(
                "org.apache.spark.deploy.worker.Worker",
                "--host",
                "127.0.0.1",
                "--cores",
                "2",
                "--memory",
                "2g",
                "--work-dir",
                work.toString(),
                "--webui-port",
                "" + freePort(),
                master),
            sparkHome));
    // the inputs while the master and worker start
    Path one = tmp.resolve("synth1");
    Path two = tmp.resolve("synth2");
    SynthRenderer.render(new SynthConfig(1, 6, 320, 180, 30, 30), one, Progress.NONE);
    SynthRenderer.render(new SynthConfig(2, 6, 320, 180, 30, 30), two, Progress.NONE);
    input = Files.createDirectories(tmp.resolve("input"));
    Files.copy(one.resolve("new.mp4"), input.resolve("run1.mp4")); // the reference's trail
    Files.copy(two.resolve("new.mp4"), input.resolve("run2.mp4")); // another trail: not ok
    reference = one.resolve("ref.mp4");
    refMarkers = one.resolve("ref_markers.csv");
    awaitWorker(ui);
  }

  @AfterAll
  static void stopCluster() {
    for (Process p : CLUSTER) {
      p.descendants().forEach(ProcessHandle::destroy); // the worker's executors
      p.destroy();
    }
  }

  @Test
  void aStandaloneClusterGivesThePlainBatchsRowsMarkersAndHistory() throws Exception {
    Path plain = tmp.resolve("plain");
    Path cluster = tmp.resolve("cluster");
    long t0 = System.nanoTime();
    StringWriter err = new StringWriter();
    int plainCode =
        Main.run(
            new String[] {
              "batch",
              input.toString(),
              "--reference",
              reference.toString(),
              "--ref-markers",
              refMarkers.toString(),
              "--out-dir",
              plain.toString(),
              "--jobs",
              "2",
              "--no-gpu",
              "--quiet"
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err, true));
    assertThat(plainCode).as("plain batch: " + err).isIn(0, 1);
    long t1 = System.nanoTime();
    Path log = tmp.resolve("driver.log");
    Process driver =
        command(
                List.of(
                    "-jar",
                    jar.toString(),
                    "batch",
                    input.toString(),
                    "--reference",
                    reference.toString(),
                    "--ref-markers",
                    refMarkers.toString(),
                    "--out-dir",
                    cluster.toString(),
                    "--engine",
                    "spark",
                    "--master",
                    master,
                    "--no-gpu",
                    "--quiet"),
                null)
            .redirectOutput(log.toFile())
            .start();
    boolean ended = driver.waitFor(180, TimeUnit.SECONDS);
    if (!ended) {
      driver.destroyForcibly();
    }
    long t2 = System.nanoTime();
    System.out.printf(
        "SparkStandaloneIT: plain --jobs 2 %.1f s, --master %s %.1f s (2 pairs)%n",
        (t1 - t0) / 1e9, master, (t2 - t1) / 1e9);
    assertThat(ended).as("driver within 180 s: " + Files.readString(log)).isTrue();
    assertThat(driver.exitValue()).as("driver: " + Files.readString(log)).isEqualTo(plainCode);

    List<String[]> a = summary(plain);
    List<String[]> b = summary(cluster);
    assertThat(b).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThat(keep(b.get(i))).isEqualTo(keep(a.get(i)));
    }
    assertThat(b.get(0)[3]).as("run1 lines up").isEqualTo("true");
    assertThat(b.get(1)[3]).as("run2 is another trail").isEqualTo("false");
    assertThat(Files.readString(cluster.resolve(b.get(0)[2]).resolve("new_markers.csv")))
        .isEqualTo(Files.readString(plain.resolve(a.get(0)[2]).resolve("new_markers.csv")));
    assertThat(runFolders(cluster)).hasSize(2);
    assertThat(history(cluster)).isEqualTo(history(plain));
    try (Stream<Path> s = Files.walk(work)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .as("the executor fetched the driver's jar")
          .contains(jar.getFileName().toString());
    }
  }

  /** The Spark jar less mtbsync and JavaCV: a stock Spark install, for the worker. */
  private static void sparkOnly(Path jar, Path out) throws IOException {
    try (ZipFile in = new ZipFile(jar.toFile());
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out.toFile())) {
      for (Enumeration<ZipArchiveEntry> e = in.getEntries(); e.hasMoreElements(); ) {
        ZipArchiveEntry entry = e.nextElement();
        String name = entry.getName();
        if (name.startsWith("dev/mtbsync/")
            || name.startsWith("org/bytedeco/")
            || name.startsWith("META-INF/services/dev.mtbsync")) {
          continue;
        }
        try (InputStream raw = in.getRawInputStream(entry)) {
          zip.addRawArchiveEntry(entry, raw); // copied as stored: no inflating and deflating
        }
      }
    }
  }

  private static Process start(String name, List<String> args, Path sparkHome) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("-cp", jar.toString()));
    cmd.addAll(args);
    return command(cmd, sparkHome).redirectOutput(tmp.resolve(name + ".log").toFile()).start();
  }

  /** java with Spark's --add-opens; SPARK_HOME and the Scala version for a worker's executors. */
  private static ProcessBuilder command(List<String> args, Path sparkHome) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    for (String p :
        List.of(
            "java.lang",
            "java.lang.invoke",
            "java.lang.reflect",
            "java.io",
            "java.net",
            "java.nio",
            "java.util",
            "java.util.concurrent",
            "java.util.concurrent.atomic",
            "sun.nio.ch",
            "sun.nio.cs",
            "sun.security.action",
            "sun.util.calendar")) {
      cmd.add("--add-opens=java.base/" + p + "=ALL-UNNAMED");
    }
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    if (sparkHome != null) {
      pb.environment().put("SPARK_HOME", sparkHome.toString());
      pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    }
    return pb;
  }

  /** Waits until the master's status page lists one live worker. */
  private static void awaitWorker(int ui) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest status =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ui + "/json/"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      try {
        String body = http.send(status, HttpResponse.BodyHandlers.ofString()).body();
        if (JSON.readTree(body).path("aliveworkers").asInt() == 1) {
          return;
        }
      } catch (IOException notUpYet) {
        // the master is still starting
      }
      for (Process p : CLUSTER) {
        assertThat(p.isAlive()).as("cluster JVM exited: see the logs in " + tmp).isTrue();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no worker registered with " + master + " in 90 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static List<String[]> summary(Path root) throws IOException {
    List<String> lines = Files.readAllLines(root.resolve("batch_summary.csv"));
    List<String[]> rows = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      rows.add(l.split(",", -1));
    }
    return rows;
  }

  /** The columns that must match: all but run_id (2) and the stage timings (7 to 11). */
  private static List<String> keep(String[] row) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < row.length; i++) {
      if (i != 2 && (i < 7 || i > 11)) {
        out.add(row[i]);
      }
    }
    return out;
  }

  /** The quality history's records less what differs run to run (ids, times, resources). */
  private static List<JsonNode> history(Path root) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode r :
        JSON.readTree(root.resolve("quality_history.json").toFile()).path("records")) {
      var kept = JSON.createObjectNode();
      for (String f : List.of("new_video", "p90_sec", "ppm", "inlier_frac")) {
        kept.set(f, r.path(f));
      }
      out.add(kept);
    }
    assertThat(out).as("history of " + root).isNotEmpty();
    return out;
  }

  private static List<Path> runFolders(Path root) throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(Files::isDirectory)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .toList();
    }
  }
}
