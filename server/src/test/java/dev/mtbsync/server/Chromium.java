package dev.mtbsync.server;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The system's Chromium, driven by Playwright: never a downloaded browser (the machines that run
 * the tests are offline). {@code MTBSYNC_CHROMIUM} names another binary.
 */
final class Chromium {

  private Chromium() {}

  /** The browser binary, or null when none is installed. */
  static Path find() {
    String env = System.getenv("MTBSYNC_CHROMIUM");
    List<String> candidates =
        env != null && !env.isBlank()
            ? List.of(env)
            : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    for (String c : candidates) {
      Path p = Path.of(c);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  static Playwright playwright() {
    return Playwright.create(
        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  static Browser launch(Playwright pw, Path binary) {
    return pw.chromium()
        .launch(
            new BrowserType.LaunchOptions()
                .setExecutablePath(binary)
                .setHeadless(true)
                .setArgs(
                    List.of(
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--autoplay-policy=no-user-gesture-required")));
  }
}
