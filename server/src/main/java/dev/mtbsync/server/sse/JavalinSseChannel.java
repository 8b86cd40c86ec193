package dev.mtbsync.server.sse;

import io.javalin.http.sse.SseClient;

/** {@link SseChannel} over Javalin's {@link SseClient} (which owns the response's lifecycle). */
public final class JavalinSseChannel implements SseChannel {

  private final SseClient client;

  public JavalinSseChannel(SseClient client) {
    this.client = client;
    client.keepAlive(); // release the request thread; the connection stays open until close()
  }

  @Override
  public boolean send(String event, String data, String id) {
    if (client.terminated()) {
      return false;
    }
    client.sendEvent(event, data, id);
    return !client.terminated(); // Javalin closes the client when a write fails
  }

  @Override
  public boolean comment(String text) {
    if (client.terminated()) {
      return false;
    }
    client.sendComment(text);
    return !client.terminated();
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public void onClose(Runnable callback) {
    client.onClose(callback);
  }
}
