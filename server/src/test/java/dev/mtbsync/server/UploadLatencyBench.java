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
import dev.mtbsync.server.site.DashboardConfig;
import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthRenderer;
import dev.mtbsync.testkit.Remux;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Measures, on loopback, the time from an upload's last byte to its finished run, for a camera-like
 * file (index last) with and without its index sent first, and for an index-first file, against
 * upload-then-sync (a plain sync of the whole file). Runs only when asked: {@code
 * -Dmtbsync.bench.dir=DIR} (the rendered clip is kept there), {@code -Dmtbsync.bench.sec=300},
 * {@code -Dmtbsync.bench.mbps=50}.
 */
class UploadLatencyBench {

  @Test
  void lastByteToRun() throws Exception {
    String dir = System.getProperty("mtbsync.bench.dir");
    Assumptions.assumeTrue(dir != null, "a measurement: run with -Dmtbsync.bench.dir=DIR");
    double sec = Double.parseDouble(System.getProperty("mtbsync.bench.sec", "300"));
    double mbps = Double.parseDouble(System.getProperty("mtbsync.bench.mbps", "50"));
    Path work = Files.createDirectories(Path.of(dir));
    Path pair = work.resolve("pair-" + (int) sec);
    if (!Files.isRegularFile(pair.resolve("truth.json"))) {
      SynthRenderer.render(new SynthConfig(11, sec, 1280, 720, 30, 30), pair, Progress.NONE);
    }
    Path fast = pair.resolve("fast.mp4");
    if (!Files.exists(fast)) {
      Remux.remux(pair.resolve("new.mp4"), fast, "mp4", "+faststart");
    }
    Path root = Files.createTempDirectory(work, "root");
    Files.createDirectories(root.resolve("trail"));
    Files.copy(pair.resolve("ref.mp4"), root.resolve("trail/ref.mp4"));
    Files.copy(pair.resolve("ref_markers.csv"), root.resolve("trail/ref_markers.csv"));
    // upload-then-sync: a plain sync of the whole file, once the reference's index is cached (as
    // on a dashboard that has synced against this reference before; so are the uploads below)
    int cores = Runtime.getRuntime().availableProcessors();
    SyncRequest plainSync =
        new SyncRequest(
            root.resolve("trail/ref.mp4"),
            pair.resolve("new.mp4"),
            null,
            root.resolve("trail/ref_markers.csv"),
            root,
            new OrbConfig(10, 960, 500, false),
            new OrbConfig(6, 960, 500, false),
            new MatchConfig(1, 20, cores),
            WarpConfig.DEFAULT,
            0.6);
    SyncPipeline.run(plainSync, Progress.NONE); // the reference's index, cached in the root
    long t0 = System.nanoTime();
    SyncPipeline.run(plainSync, Progress.NONE);
    double plain = (System.nanoTime() - t0) / 1e9;
    try (DashboardServer server =
        DashboardServer.create(DashboardConfig.of(root).withPort(0).withAllowWrite(true)).start()) {
      double last = upload(server, pair.resolve("new.mp4"), false, mbps);
      double ahead = upload(server, pair.resolve("new.mp4"), true, mbps);
      double front = upload(server, fast, false, mbps);
      System.out.printf(
          "%n%.0f s clip, %.1f MB, upload at %.0f Mb/s (%.1f s): last byte -> run:"
              + " index last %.1f s, index last sent first %.1f s, index first %.1f s;"
              + " upload-then-sync %.1f s after the last byte%n",
          sec,
          Files.size(fast) / 1e6,
          mbps,
          Files.size(fast) * 8 / (mbps * 1e6),
          last,
          ahead,
          front,
          plain);
    }
  }

  /** Uploads at {@code mbps}; seconds from the last byte acknowledged to the end event. */
  private static double upload(DashboardServer server, Path file, boolean indexFirst, double mbps)
      throws Exception {
    String origin = "http://127.0.0.1:" + server.port();
    TusClient tus = new TusClient();
    tus.setUploadCreationURL(URI.create(origin + "/api/uploads").toURL());
    Map<String, String> meta = new java.util.HashMap<>();
    meta.put("filename", file.getFileName().toString());
    meta.put("reference", "trail/ref.mp4");
    if (indexFirst) {
      long[] moov = Remux.moov(file);
      byte[] all = Files.readAllBytes(file);
      byte[] box = java.util.Arrays.copyOfRange(all, (int) moov[0], (int) (moov[0] + moov[1]));
      TusUpload index = new TusUpload();
      index.setSize(box.length);
      index.setInputStream(new ByteArrayInputStream(box));
      index.setFingerprint("index-" + System.nanoTime());
      index.setMetadata(
          Map.of("filename", "index.mp4", "role", "index", "offset", Long.toString(moov[0])));
      TusUploader u = tus.createUpload(index);
      while (u.uploadChunk() > -1) {
        // small: one go
      }
      u.finish();
      String p = u.getUploadURL().getPath();
      meta.put("index", p.substring(p.lastIndexOf('/') + 1));
    }
    TusUpload upload = new TusUpload(file.toFile());
    upload.setFingerprint("bench-" + System.nanoTime());
    upload.setMetadata(meta);
    TusUploader uploader = tus.createUpload(upload);
    String path = uploader.getUploadURL().getPath();
    try (SseTestClient events = new SseTestClient(server.port(), path + "/events", null)) {
      long[] firstDecoded = {0};
      java.util.concurrent.CompletableFuture<String> ended =
          new java.util.concurrent.CompletableFuture<>();
      Thread watcher =
          new Thread(
              () -> {
                try {
                  String line;
                  while ((line = events.await("data: ", Duration.ofMinutes(20))) != null) {
                    JsonNode e = Json.MAPPER.readTree(line.substring(6));
                    if (firstDecoded[0] == 0 && e.path("decoded_sec").asDouble() > 0) {
                      firstDecoded[0] = System.nanoTime();
                    }
                    if (e.path("run").isTextual() || e.path("error").isTextual()) {
                      ended.complete(line.substring(6));
                      return;
                    }
                  }
                } catch (Exception x) {
                  ended.completeExceptionally(x);
                }
              });
      watcher.setDaemon(true);
      watcher.start();
      int chunk = 256 * 1024;
      uploader.setChunkSize(chunk);
      uploader.setRequestPayloadSize(8 * chunk);
      double bytesPerSec = mbps * 1e6 / 8;
      long start = System.nanoTime();
      long sent = 0;
      int n;
      while ((n = uploader.uploadChunk()) > -1) {
        sent += n;
        long due = start + (long) (sent / bytesPerSec * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
      }
      uploader.finish();
      long lastByte = System.nanoTime();
      String end = ended.get(20, java.util.concurrent.TimeUnit.MINUTES);
      double took = (System.nanoTime() - lastByte) / 1e9;
      System.out.printf(
          "%s%s: first frame decoded %.1f s after the upload began, last byte at %.1f s%n",
          file.getFileName(),
          indexFirst ? " (index sent first)" : "",
          (firstDecoded[0] - start) / 1e9,
          (lastByte - start) / 1e9);
      JsonNode e = Json.MAPPER.readTree(end);
      assertThat(e.path("stage").asText()).as(end).isEqualTo("done");
      return took;
    }
  }
}
