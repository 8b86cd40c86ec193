package dev.mtbsync.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.server.site.DashboardConfig;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing outside the root is read: traversal in every spelling, absolute paths and symbolic links
 * pointing out are refused, and requests naming another host are refused too.
 */
class SafetyRoutesTest {

  @TempDir Path dir;
  Path root;
  static final String SECRET = "the secret outside the root";

  @BeforeEach
  void layout() throws IOException {
    root = Files.createDirectories(dir.resolve("root"));
    Files.writeString(dir.resolve("secret.txt"), SECRET);
    Path run = RunWriter.write(root, "20250601-100000-aaaa", 1);
    Files.createSymbolicLink(run.resolve("leak.txt"), dir.resolve("secret.txt"));
    Files.createSymbolicLink(root.resolve("outside"), dir);
  }

  void serve(io.javalin.testtools.TestCase test) throws IOException {
    JavalinTest.test(DashboardServer.create(DashboardConfig.of(root)).app(), test);
  }

  @Test
  void traversalInEverySpellingIsRefusedAndNeverLeaks() throws IOException {
    serve(
        (app, c) -> {
          String[] attempts = {
            "/api/files/../secret.txt",
            "/api/files/..%2Fsecret.txt",
            "/api/files/%2e%2e/secret.txt",
            "/api/files/%2E%2E%2Fsecret.txt",
            "/api/files/%252e%252e/secret.txt",
            "/api/files/%252e%252e%252fsecret.txt",
            "/api/files/20250601-100000-aaaa/../../secret.txt",
            "/api/files/20250601-100000-aaaa/%2e%2e/%2e%2e/secret.txt",
            "/api/files/%2Ftmp%2Fsecret.txt",
            "/api/files//etc/passwd",
            "/api/files/20250601-100000-aaaa/leak.txt",
            "/api/files/outside/secret.txt",
            "/api/files/..\\secret.txt",
            "/api/markers?file=../secret.txt",
            "/api/markers?file=%2e%2e/secret.csv",
            "/api/markers?file=/etc/passwd.csv",
            "/api/markers?file=outside/x.csv",
            "/api/timewarp?run=..",
            "/api/timewarp?run=%2e%2e",
            "/api/timewarp?run=outside",
            "/api/compare?run=../root",
            "/?run=..%2F..",
          };
          for (String a : attempts) {
            RawHttp.Answer r = RawHttp.get(app.port(), a);
            assertThat(r.status()).as(a).isBetween(400, 404);
            assertThat(r.text()).as(a).doesNotContain(SECRET);
          }
        });
  }

  @Test
  void listingLeavesOutLinksAndHiddenFiles() throws IOException {
    Files.writeString(root.resolve(".hidden"), "x");
    serve(
        (app, c) -> {
          String list = c.get("/api/files").body().string();
          assertThat(list).contains("20250601-100000-aaaa/run.json");
          assertThat(list).doesNotContain("leak.txt", "secret", ".hidden", "outside");
        });
  }

  @Test
  void aForeignHostIsRefused() throws IOException {
    serve(
        (app, c) -> {
          RawHttp.Answer evil =
              RawHttp.send(app.port(), "GET /api/runs HTTP/1.1\r\nHost: evil.example:8760\r\n");
          assertThat(evil.status()).isEqualTo(403);
          RawHttp.Answer ok =
              RawHttp.send(app.port(), "GET /api/runs HTTP/1.1\r\nHost: 127.0.0.1:8760\r\n");
          assertThat(ok.status()).isEqualTo(200);
        });
  }

  @Test
  void rootPathRefusesWhatIsNotAPlainRelativePath() throws IOException {
    var rp = new dev.mtbsync.server.files.RootPath(root);
    for (String bad :
        new String[] {
          "..", "a/../..", "/etc/passwd", "C:/x", "a//b", "./a", ".hidden", "a\\b", "x\0y"
        }) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> rp.resolve(bad))
          .as(bad)
          .isInstanceOf(dev.mtbsync.server.files.OutsideRootException.class);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> rp.resolve("20250601-100000-aaaa/leak.txt"))
        .hasMessageContaining("a link out of the root");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> rp.resolve("outside/new.txt"))
        .hasMessageContaining("a link out of the root");
    assertThat(rp.resolve("20250601-100000-aaaa/perf.json"))
        .isEqualTo(root.toRealPath().resolve("20250601-100000-aaaa/perf.json"));
    assertThat(rp.resolve("not-yet/there.json").toString())
        .startsWith(root.toRealPath().toString());
  }
}
