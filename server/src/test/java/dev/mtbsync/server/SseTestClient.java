package dev.mtbsync.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client of {@code /api/perf/stream} for tests, on a plain socket so that closing it really goes
 * away: collects the stream's lines as they arrive (events come as {@code event:}, {@code id:} and
 * {@code data:} lines; comments start with {@code :}). HTTP/1.0, so the body is not chunked.
 */
final class SseTestClient implements AutoCloseable {

  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Socket socket;
  private final Thread reader;

  SseTestClient(int port) throws IOException {
    this(port, null);
  }

  SseTestClient(int port, String lastEventId) throws IOException {
    this(port, lastEventId, "/api/perf/stream");
  }

  /** A client of another event stream of the server, e.g. an upload's. */
  SseTestClient(int port, String lastEventId, String path) throws IOException {
    socket = new Socket("127.0.0.1", port);
    OutputStream out = socket.getOutputStream();
    String head =
        "GET "
            + path
            + " HTTP/1.0\r\nHost: localhost:"
            + port
            + "\r\nAccept: text/event-stream\r\n"
            + (lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n")
            + "\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    reader =
        new Thread(
            () -> {
              try {
                String line;
                while ((line = in.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException closed) {
                // closed by the test or the server
              }
              lines.add("<eof>");
            },
            "sse-test-client");
    reader.setDaemon(true);
    reader.start();
  }

  /** The next line starting with {@code prefix} within {@code timeout}, or null. */
  String await(String prefix, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = end - System.nanoTime();
      String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
      if (line == null || line.startsWith(prefix)) {
        return line;
      }
    }
  }

  /** The data of the next event named {@code name} within {@code timeout}, or null. */
  String awaitEvent(String name, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    boolean inEvent = false;
    while (true) {
      long left = end - System.nanoTime();
      String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
      if (line == null) {
        return null;
      }
      if (line.startsWith("event: ")) {
        inEvent = line.substring(7).equals(name);
      } else if (inEvent && line.startsWith("data: ")) {
        return line.substring(6);
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
