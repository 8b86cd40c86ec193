package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mtbsync.Progress;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.io.Json;
import dev.mtbsync.match.MatchConfig;
import dev.mtbsync.runs.SyncPipeline;
import dev.mtbsync.runs.SyncRequest;
import dev.mtbsync.runs.SyncResult;
import dev.mtbsync.server.site.DashboardConfig;
import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthRenderer;
import dev.mtbsync.testkit.Remux;
import io.javalin.testtools.JavalinTest;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding a run by upload (tus 1.0 at /api/uploads/): the sync starts while the bytes arrive and
 * gives the run a plain sync gives; a dropped chunk resumes; bad requests are refused; a failed or
 * cancelled upload leaves nothing.
 */
class UploadRoutesTest {

  @TempDir static Path pair;
  static Path fastStart;

  @TempDir Path root;

  @BeforeAll
  static void render() throws IOException {
    SynthRenderer.render(new SynthConfig(5, 14, 640, 360, 30, 30), pair, Progress.NONE);
    fastStart = Remux.remux(pair.resolve("new.mp4"), pair.resolve("fast.mp4"), "mp4", "+faststart");
  }

  @BeforeEach
  void reference() throws IOException {
    Files.createDirectories(root.resolve("trail"));
    Files.copy(pair.resolve("ref.mp4"), root.resolve("trail/ref.mp4"));
    Files.copy(pair.resolve("ref_markers.csv"), root.resolve("trail/ref_markers.csv"));
  }

  private void serve(DashboardConfig config, io.javalin.testtools.TestCase test)
      throws IOException {
    JavalinTest.test(DashboardServer.create(config).app(), test);
  }

  private DashboardConfig writable() {
    return DashboardConfig.of(root).withAllowWrite(true);
  }

  /** The events of one upload until its {@code end}: their JSON, in order. */
  private static List<JsonNode> eventsUntilEnd(SseTestClient events) throws Exception {
    List<JsonNode> seen = new ArrayList<>();
    String line;
    String name = null;
    while ((line = events.await("", Duration.ofSeconds(120))) != null) {
      if (line.startsWith("event: ")) {
        name = line.substring(7);
      } else if (line.startsWith("data: ") && name != null && !name.equals("hello")) {
        JsonNode e = Json.MAPPER.readTree(line.substring(6));
        seen.add(e);
        if (name.equals("end")) {
          return seen;
        }
      }
    }
    throw new AssertionError("no end event; saw " + seen);
  }

  private static String id(String location) {
    return location.substring(location.lastIndexOf('/') + 1);
  }

  @Test
  void theSyncStartsBeforeTheUploadEndsAndGivesThePlainSyncsRun() throws Exception {
    serve(
        writable(),
        (app, c) -> {
          TusClient tus = new TusClient();
          tus.setUploadCreationURL(URI.create(c.getOrigin() + "/api/uploads").toURL());
          TusUpload upload = new TusUpload(fastStart.toFile());
          upload.setMetadata(Map.of("filename", "my run.mp4", "reference", "trail/ref.mp4"));
          TusUploader uploader = tus.createUpload(upload);
          String id = id(uploader.getUploadURL().getPath());
          List<JsonNode> seen;
          try (SseTestClient events =
              new SseTestClient(app.port(), "/api/uploads/" + id + "/events", null)) {
            uploader.setChunkSize(32 * 1024);
            uploader.setRequestPayloadSize(256 * 1024); // one PATCH per 256 KiB
            while (uploader.uploadChunk() > -1) {
              Thread.sleep(40); // a slow link: about 0.8 MB/s
            }
            uploader.finish();
            seen = eventsUntilEnd(events);
          }
          JsonNode end = seen.get(seen.size() - 1);
          assertThat(end.path("stage").asText()).as(end.toString()).isEqualTo("done");
          // frames were analysed while bytes were still missing
          assertThat(seen)
              .anySatisfy(
                  e -> {
                    assertThat(e.path("decoded_sec").asDouble()).isPositive();
                    assertThat(e.path("bytes_received").asLong())
                        .isLessThan(e.path("bytes_total").asLong());
                  });
          String run = end.path("run").asText();
          assertThat(Files.readString(root.resolve(run).resolve("new_markers.csv")))
              .isEqualTo(
                  Files.readString(plainSync(root.resolve("uploads")).resolve("new_markers.csv")));
          // the upload moved into place; the quarantine is empty
          try (var left = Files.list(root.resolve(".uploads/uploads"))) {
            assertThat(left).isEmpty();
          }
        });
  }

  /** What {@code mtbsync sync} (default flags) makes of the uploaded file, in another root. */
  private Path plainSync(Path uploads) throws IOException {
    Path video;
    try (var files = Files.list(uploads)) {
      video =
          files
              .filter(p -> p.getFileName().toString().startsWith("my_run-"))
              .findFirst()
              .orElseThrow();
    }
    Path other = Files.createTempDirectory(root.getParent(), "plain");
    int cores = Runtime.getRuntime().availableProcessors();
    SyncResult r =
        SyncPipeline.run(
            new SyncRequest(
                root.resolve("trail/ref.mp4"),
                video,
                null,
                root.resolve("trail/ref_markers.csv"),
                other,
                new OrbConfig(10, 960, 500, false),
                new OrbConfig(6, 960, 500, false),
                new MatchConfig(1, 20, cores),
                WarpConfig.DEFAULT,
                0.6),
            Progress.NONE);
    return r.runDir();
  }

  @Test
  void aDroppedChunkResumesAtTheStoredOffsetAndAWrongOffsetIs409() throws Exception {
    byte[] video = Files.readAllBytes(pair.resolve("new.mp4")); // index last, as cameras write
    serve(
        writable(),
        (app, c) -> {
          HttpClient http = HttpClient.newHttpClient();
          String base = c.getOrigin();
          HttpResponse<String> created =
              http.send(creation(base, video.length, "new.mp4", "trail/ref.mp4"), text());
          assertThat(created.statusCode()).isEqualTo(201);
          String id = id(created.headers().firstValue("Location").orElseThrow());
          try (SseTestClient events =
              new SseTestClient(app.port(), "/api/uploads/" + id + "/events", null)) {
            int sent = video.length / 3;
            dropMidChunk(app.port(), id, video, sent);
            // What the server kept of the dropped chunk: usually all of it, but when the drop is
            // seen before the handler reads (a busy machine), the server may keep none. Either
            // is a correct tus server; the client resumes at whatever HEAD says.
            long stored = -1;
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (stored != sent && System.nanoTime() < until) {
              stored = offset(http, base, id);
              Thread.sleep(50);
            }
            assertThat(stored).isBetween(0L, (long) sent);
            // one byte at an offset the server does not have: the 409 may come before the body is
            // read, and with the rest of the video as the body the client was once still writing
            // it when the connection closed (a busy machine: "header parser received no bytes")
            assertThat(
                    patch(http, base, id, stored + 1, video, (int) stored + 1, (int) stored + 2)
                        .statusCode())
                .as("an offset the server does not have")
                .isEqualTo(409);
            assertThat(offset(http, base, id)).isEqualTo(stored);
            if (stored < sent) { // resend what was lost, so the index still arrives last
              assertThat(patch(http, base, id, stored, video, (int) stored, sent).statusCode())
                  .isEqualTo(204);
            }
            HttpResponse<String> rest = patch(http, base, id, sent, video, sent);
            assertThat(rest.statusCode()).isEqualTo(204);
            List<JsonNode> seen = eventsUntilEnd(events);
            JsonNode end = seen.get(seen.size() - 1);
            assertThat(end.path("stage").asText()).as(end.toString()).isEqualTo("done");
            assertThat(root.resolve(end.path("run").asText()).resolve("new_markers.csv"))
                .isRegularFile();
            assertThat(seen).anyMatch(e -> e.path("stage").asText().equals("waiting for index"));
          }
        });
  }

  @Test
  void badUploadsAreRefusedBeforeAByteIsStored() throws Exception {
    serve(
        DashboardConfig.of(root),
        (app, c) -> {
          HttpResponse<String> readOnly =
              HttpClient.newHttpClient()
                  .send(creation(c.getOrigin(), 10, "a.mp4", "trail/ref.mp4"), text());
          assertThat(readOnly.statusCode()).isEqualTo(403);
          assertThat(readOnly.body()).contains("--allow-write");
          assertThat(root.resolve(".uploads")).doesNotExist();
        });
    serve(
        writable().withMaxUploadBytes(1000),
        (app, c) -> {
          HttpClient http = HttpClient.newHttpClient();
          String base = c.getOrigin();
          assertThat(http.send(creation(base, 2000, "a.mp4", "trail/ref.mp4"), text()).statusCode())
              .as("over the size limit")
              .isEqualTo(413);
          HttpResponse<String> foreign =
              http.send(
                  HttpRequest.newBuilder(URI.create(base + "/api/uploads"))
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .header("Tus-Resumable", "1.0.0")
                      .header("Upload-Length", "10")
                      .header("Upload-Metadata", metadata("a.mp4", "trail/ref.mp4"))
                      .header("Origin", "http://evil.example")
                      .build(),
                  text());
          assertThat(foreign.statusCode()).as("another origin").isEqualTo(403);
          assertThat(foreign.body()).contains("evil.example");
          HttpResponse<String> notTus =
              http.send(
                  HttpRequest.newBuilder(URI.create(base + "/api/uploads"))
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .header("Upload-Length", "10")
                      .build(),
                  text());
          assertThat(notTus.statusCode()).as("no Tus-Resumable").isEqualTo(403);
          HttpResponse<String> noRef = http.send(creation(base, 10, "a.mp4", ""), text());
          assertThat(noRef.statusCode()).isEqualTo(400);
          assertThat(noRef.body()).contains("reference");
          assertThat(http.send(creation(base, 10, "a.mp4", "../etc/passwd"), text()).statusCode())
              .as("a reference outside the root")
              .isEqualTo(403);
          HttpResponse<String> notVideo =
              http.send(creation(base, 10, "notes.txt", "trail/ref.mp4"), text());
          assertThat(notVideo.statusCode()).isEqualTo(400);
          assertThat(notVideo.body()).contains("notes.txt");
          assertThat(root.resolve(".uploads/uploads"))
              .satisfiesAnyOf(
                  p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
        });
  }

  @Test
  void aFileThatIsNoVideoEndsWithOneErrorAndLeavesNothing() throws Exception {
    byte[] junk = new byte[300_000];
    new java.util.Random(3).nextBytes(junk);
    serve(
        writable(),
        (app, c) -> {
          HttpClient http = HttpClient.newHttpClient();
          String base = c.getOrigin();
          HttpResponse<String> created =
              http.send(creation(base, junk.length, "junk.mp4", "trail/ref.mp4"), text());
          String id = id(created.headers().firstValue("Location").orElseThrow());
          try (SseTestClient events =
              new SseTestClient(app.port(), "/api/uploads/" + id + "/events", null)) {
            patch(http, base, id, 0, junk, 0);
            List<JsonNode> seen = eventsUntilEnd(events);
            JsonNode end = seen.get(seen.size() - 1);
            assertThat(end.path("stage").asText()).isEqualTo("error");
            assertThat(end.path("error").asText()).startsWith("junk.mp4: ").doesNotContain("\n");
          }
          assertNothingLeft();
        });
  }

  @Test
  void cancellingRemovesEverything() throws Exception {
    byte[] video = Files.readAllBytes(fastStart);
    serve(
        writable(),
        (app, c) -> {
          HttpClient http = HttpClient.newHttpClient();
          String base = c.getOrigin();
          HttpResponse<String> created =
              http.send(creation(base, video.length, "x.mp4", "trail/ref.mp4"), text());
          String id = id(created.headers().firstValue("Location").orElseThrow());
          try (SseTestClient events =
              new SseTestClient(app.port(), "/api/uploads/" + id + "/events", null)) {
            byte[] half = java.util.Arrays.copyOf(video, video.length / 2);
            assertThat(patch(http, base, id, 0, half, 0).statusCode()).isEqualTo(204);
            HttpResponse<String> gone =
                http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/uploads/" + id))
                        .DELETE()
                        .header("Tus-Resumable", "1.0.0")
                        .build(),
                    text());
            assertThat(gone.statusCode()).isEqualTo(204);
            List<JsonNode> seen = eventsUntilEnd(events);
            assertThat(seen.get(seen.size() - 1).path("stage").asText()).isEqualTo("cancelled");
          }
          assertNothingLeft();
        });
  }

  @Test
  void twoUploadsAtOnceEachGetTheirRun() throws Exception {
    byte[] a = Files.readAllBytes(fastStart);
    byte[] b = Files.readAllBytes(pair.resolve("new.mp4"));
    serve(
        writable(),
        (app, c) -> {
          HttpClient http = HttpClient.newHttpClient();
          String base = c.getOrigin();
          String idA =
              id(
                  http.send(creation(base, a.length, "a.mp4", "trail/ref.mp4"), text())
                      .headers()
                      .firstValue("Location")
                      .orElseThrow());
          String idB =
              id(
                  http.send(creation(base, b.length, "b.mp4", "trail/ref.mp4"), text())
                      .headers()
                      .firstValue("Location")
                      .orElseThrow());
          try (SseTestClient eventsA =
                  new SseTestClient(app.port(), "/api/uploads/" + idA + "/events", null);
              SseTestClient eventsB =
                  new SseTestClient(app.port(), "/api/uploads/" + idB + "/events", null)) {
            var sendA = http.sendAsync(patchRequest(base, idA, 0, a, 0), text());
            var sendB = http.sendAsync(patchRequest(base, idB, 0, b, 0), text());
            assertThat(sendA.get().statusCode()).isEqualTo(204);
            assertThat(sendB.get().statusCode()).isEqualTo(204);
            List<JsonNode> endA = eventsUntilEnd(eventsA);
            List<JsonNode> endB = eventsUntilEnd(eventsB);
            String runA = endA.get(endA.size() - 1).path("run").asText();
            String runB = endB.get(endB.size() - 1).path("run").asText();
            assertThat(runA).isNotEmpty().isNotEqualTo(runB);
            assertThat(root.resolve(runA).resolve("new_markers.csv")).isRegularFile();
            assertThat(root.resolve(runB).resolve("new_markers.csv")).isRegularFile();
          }
        });
  }

  private void assertNothingLeft() throws IOException {
    try (var left = Files.list(root.resolve(".uploads/uploads"))) {
      assertThat(left).isEmpty();
    }
    assertThat(root.resolve("uploads"))
        .satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    try (var top = Files.list(root)) {
      assertThat(top.map(p -> p.getFileName().toString()))
          .as("no run folder")
          .allMatch(n -> n.equals("trail") || n.equals(".uploads") || n.equals("uploads"));
    }
  }

  private static HttpResponse.BodyHandler<String> text() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private static String metadata(String filename, String reference) {
    Base64.Encoder b = Base64.getEncoder();
    return "filename "
        + b.encodeToString(filename.getBytes(StandardCharsets.UTF_8))
        + ",reference "
        + b.encodeToString(reference.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpRequest creation(String base, long length, String filename, String ref) {
    return HttpRequest.newBuilder(URI.create(base + "/api/uploads"))
        .POST(HttpRequest.BodyPublishers.noBody())
        .header("Tus-Resumable", "1.0.0")
        .header("Upload-Length", Long.toString(length))
        .header("Upload-Metadata", metadata(filename, ref))
        .build();
  }

  private static HttpResponse<String> patch(
      HttpClient http, String base, String id, long offset, byte[] all, int from)
      throws IOException, InterruptedException {
    return http.send(patchRequest(base, id, offset, all, from), text());
  }

  /** A PATCH of bytes {@code from} to {@code to} of {@code all}. */
  private static HttpResponse<String> patch(
      HttpClient http, String base, String id, long offset, byte[] all, int from, int to)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + "/api/uploads/" + id))
            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(all, from, to - from))
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Offset", Long.toString(offset))
            .header("Content-Type", "application/offset+octet-stream")
            .build(),
        text());
  }

  private static HttpRequest patchRequest(
      String base, String id, long offset, byte[] all, int from) {
    return HttpRequest.newBuilder(URI.create(base + "/api/uploads/" + id))
        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(all, from, all.length - from))
        .header("Tus-Resumable", "1.0.0")
        .header("Upload-Offset", Long.toString(offset))
        .header("Content-Type", "application/offset+octet-stream")
        .build();
  }

  private static long offset(HttpClient http, String base, String id)
      throws IOException, InterruptedException {
    HttpResponse<String> head =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/uploads/" + id))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Tus-Resumable", "1.0.0")
                .build(),
            text());
    return Long.parseLong(head.headers().firstValue("Upload-Offset").orElse("-1"));
  }

  /** A PATCH that announces the whole file but whose connection drops after {@code sent} bytes. */
  private static void dropMidChunk(int port, String id, byte[] all, int sent) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      OutputStream out = s.getOutputStream();
      String head =
          "PATCH /api/uploads/"
              + id
              + " HTTP/1.1\r\nHost: localhost:"
              + port
              + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\n"
              + "Content-Type: application/offset+octet-stream\r\nContent-Length: "
              + all.length
              + "\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(all, 0, sent);
      out.flush();
    }
  }
}
