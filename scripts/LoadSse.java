import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on a running dashboard (run by scripts/load-sse.sh; plain JDK, no build): holds CLIENTS
 * event-stream connections open, finishes RATE runs a second in the root (a perf.json appears in a
 * new folder, by rename, as a sync's does), sends steady API traffic, and reports dropped events,
 * event and API latency percentiles, and the server's peak RSS (from /proc/PID/status).
 *
 * <p>Usage: java LoadSse.java PORT ROOT SERVER_PID [CLIENTS] [SECONDS] [RATE] [API_THREADS]
 */
public class LoadSse {

  static final Pattern RUN_AND_STAMP =
      Pattern.compile("\"run_id\":\"(load-[0-9]+)\",\"timestamp\":\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Path root = Path.of(args[1]);
    long pid = Long.parseLong(args[2]);
    int clients = args.length > 3 ? Integer.parseInt(args[3]) : 200;
    int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 60;
    double rate = args.length > 5 ? Double.parseDouble(args[5]) : 2;
    int apiThreads = args.length > 6 ? Integer.parseInt(args[6]) : 4;

    List<Stream> streams = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      streams.add(new Stream(port, i));
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (streams.stream().anyMatch(s -> !s.hello) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    long open = streams.stream().filter(s -> s.hello).count();
    System.out.printf(Locale.ROOT, "streams open      %d of %d%n", open, clients);

    AtomicLong peakRss = new AtomicLong();
    Thread rss = daemon(() -> {
      while (true) {
        peakRss.accumulateAndGet(rssKb(pid), Math::max);
        sleep(250);
      }
    });
    rss.start();

    List<Long> apiMicros = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger apiErrors = new AtomicInteger();
    ConcurrentHashMap<String, Integer> errorsByPath = new ConcurrentHashMap<>();
    String[] paths = {"/api/runs?limit=50", "/api/perf/history?limit=500", "/", "/api/files", "/api/regression"};
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    List<Thread> api = new ArrayList<>();
    for (int t = 0; t < apiThreads; t++) {
      int offset = t;
      Thread th = daemon(() -> {
        HttpClient http = HttpClient.newHttpClient();
        int i = offset;
        while (System.nanoTime() < end) {
          String p = paths[i++ % paths.length];
          long t0 = System.nanoTime();
          try {
            HttpResponse<Void> r =
                http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + p))
                        .header("Accept", p.equals("/") ? "text/html" : "application/json")
                        .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() >= 500 || (r.statusCode() >= 400 && !p.equals("/api/regression"))) {
              apiErrors.incrementAndGet();
              errorsByPath.merge(p + " " + r.statusCode(), 1, Integer::sum);
            }
          } catch (IOException | InterruptedException e) {
            apiErrors.incrementAndGet();
            errorsByPath.merge(p + " " + e.getClass().getSimpleName(), 1, Integer::sum);
          }
          apiMicros.add((System.nanoTime() - t0) / 1000);
          sleep(50); // steady, not a flood: about 20 requests a second per thread
        }
      });
      th.start();
      api.add(th);
    }

    Instant started = Instant.now();
    int published = 0;
    long period = (long) (1000 / rate);
    while (System.nanoTime() < end) {
      finishRun(root, "load-" + published);
      published++;
      sleep(period);
    }
    for (Thread th : api) {
      th.join();
    }
    sleep(2000); // the last run's events are still on their way
    long expected = (long) published * open;
    long received = 0;
    List<Long> latencies = new ArrayList<>();
    for (Stream s : streams) {
      received += s.got.size();
      latencies.addAll(s.got.values());
      s.close();
    }
    Collections.sort(latencies);
    List<Long> apiSorted = new ArrayList<>(apiMicros);
    Collections.sort(apiSorted);
    System.out.printf(Locale.ROOT, "duration          %d s (from %s)%n", seconds, started);
    System.out.printf(Locale.ROOT, "runs finished     %d (%.1f a second)%n", published, rate);
    System.out.printf(Locale.ROOT, "events expected   %d (%d runs x %d streams)%n", expected, published, open);
    System.out.printf(Locale.ROOT, "events received   %d, dropped %d (%.3f%%)%n", received, expected - received,
        expected == 0 ? 0 : 100.0 * (expected - received) / expected);
    System.out.printf(Locale.ROOT, "event latency     p50 %d ms, p99 %d ms, max %d ms (perf.json written -> client)%n",
        pct(latencies, 0.5), pct(latencies, 0.99), latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1));
    System.out.printf(Locale.ROOT, "api requests      %d, errors %d, p50 %.1f ms, p99 %.1f ms%n", apiSorted.size(),
        apiErrors.get(), pct(apiSorted, 0.5) / 1000.0, pct(apiSorted, 0.99) / 1000.0);
    if (!errorsByPath.isEmpty()) {
      System.out.println("api errors        " + errorsByPath);
    }
    System.out.printf(Locale.ROOT, "server peak RSS   %d MB%n", peakRss.get() / 1024);
  }

  /** A run finishes: its folder appears at once with a perf.json, as a sync's does. */
  static void finishRun(Path root, String id) throws IOException {
    Path partial = Files.createDirectories(root.resolve("." + id + ".partial"));
    String json = String.format(Locale.ROOT,
        "{\"schema_version\":1,\"run_id\":\"%s\",\"timestamp\":\"%s\",\"decode_sec\":4.1,"
            + "\"retrieval_sec\":2.2,\"warp_sec\":0.05,\"markers_sec\":0.01,\"total_sec\":6.5,"
            + "\"frames_processed\":2400,\"fps\":%.1f,\"cpu_pct\":%.1f,\"rss_mb\":%.1f,"
            + "\"gpu_util\":null,\"gpu_mem_mb\":null}",
        id, Instant.now(), 300 + 80 * Math.random(), 150 + 40 * Math.random(), 450 + 60 * Math.random());
    Files.writeString(partial.resolve("perf.json"), json);
    Files.move(partial, root.resolve(id), StandardCopyOption.ATOMIC_MOVE);
  }

  /** One event-stream client on a plain socket (HTTP/1.0: the body is not chunked). */
  static final class Stream {
    final ConcurrentHashMap<String, Long> got = new ConcurrentHashMap<>();
    volatile boolean hello;
    final Socket socket;

    Stream(int port, int n) throws IOException {
      socket = new Socket("127.0.0.1", port);
      OutputStream out = socket.getOutputStream();
      out.write(("GET /api/perf/stream HTTP/1.0\r\nHost: 127.0.0.1:" + port
          + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      daemon(() -> {
        try {
          String line;
          while ((line = in.readLine()) != null) {
            if (line.startsWith("event: hello")) {
              hello = true;
            } else if (line.startsWith("data: ") && line.contains("\"perf\"")) {
              Matcher m = RUN_AND_STAMP.matcher(line);
              if (m.find()) {
                long ms = System.currentTimeMillis() - Instant.parse(m.group(2)).toEpochMilli();
                got.putIfAbsent(m.group(1), ms);
              }
            }
          }
        } catch (IOException closed) {
          // closed at the end
        }
      }).start();
    }

    void close() throws IOException {
      socket.close();
    }
  }

  static long pct(List<Long> sorted, double q) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
  }

  static long rssKb(long pid) {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (l.startsWith("VmRSS:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // the server is gone
    }
    return 0;
  }

  static Thread daemon(Runnable r) {
    Thread t = new Thread(r);
    t.setDaemon(true);
    return t;
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
