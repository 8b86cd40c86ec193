package dev.mtbsync.testkit;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The system's Chromium, headless, driven by Playwright: the one start-up every browser test
 * shares. Never a downloaded browser (the machines that run the tests are offline); {@code
 * MTBSYNC_CHROMIUM} names another binary. Close it (browser, then Playwright) when the tests are
 * done.
 */
public final class HeadlessChromium implements AutoCloseable {

  private final Playwright playwright;
  private final Browser browser;

  private HeadlessChromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /** The browser binary, or null when none is installed. */
  public static Path find() {
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

  /**
   * The browser binary; where none is installed, says so on stderr and skips the calling test class
   * (a failed assumption, whose reason {@link SkipReasons} prints too). Call it first, before any
   * costly set-up.
   */
  public static Path findOrSkip(Class<?> test) {
    Path chromium = find();
    if (chromium == null) {
      System.err.println(
          test.getSimpleName()
              + " skipped: no Chromium (apt-get install chromium, or set MTBSYNC_CHROMIUM)");
    }
    Assumptions.assumeTrue(chromium != null, "no Chromium installed (apt-get install chromium)");
    return chromium;
  }

  /** Starts Playwright and the headless browser at {@code binary}. */
  public static HeadlessChromium launch(Path binary) {
    Playwright pw =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      Browser browser =
          pw.chromium()
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
      return new HeadlessChromium(pw, browser);
    } catch (RuntimeException e) {
      pw.close();
      throw e;
    }
  }

  /** The running browser: open a context per viewport (390 px phone, 1400 px laptop). */
  public Browser browser() {
    return browser;
  }

  @Override
  public void close() {
    try {
      browser.close();
    } finally {
      playwright.close();
    }
  }
}
