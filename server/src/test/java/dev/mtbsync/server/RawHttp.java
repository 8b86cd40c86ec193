package dev.mtbsync.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends one request exactly as written, so tests can put {@code ..}, encoded dots and other request
 * lines that HTTP clients would normalise on the wire.
 */
final class RawHttp {

  /** The status and the whole response (headers and body) as text. */
  record Answer(int status, String text) {}

  private RawHttp() {}

  static Answer get(int port, String target) throws IOException {
    return send(port, "GET " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n");
  }

  /**
   * @param head the request line and headers, each ending in CRLF (the blank line is added)
   */
  static Answer send(int port, String head) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.ISO_8859_1);
      int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
      return new Answer(status, text);
    }
  }
}
