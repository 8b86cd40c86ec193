package dev.mtbsync.server;

import dev.mtbsync.server.api.CompareApi;
import dev.mtbsync.server.api.ExportApi;
import dev.mtbsync.server.api.FilesApi;
import dev.mtbsync.server.api.PerfApi;
import dev.mtbsync.server.api.PinsApi;
import dev.mtbsync.server.api.QualityApi;
import dev.mtbsync.server.api.RenderApi;
import dev.mtbsync.server.api.RunsApi;
import dev.mtbsync.server.api.WriteApi;
import dev.mtbsync.server.compare.MediaFiles;
import dev.mtbsync.server.files.RootPath;
import dev.mtbsync.server.json.ApiJson;
import dev.mtbsync.server.pages.Pages;
import dev.mtbsync.server.perf.PerfIndex;
import dev.mtbsync.server.perf.PerfWatcher;
import dev.mtbsync.server.render.RenderJobs;
import dev.mtbsync.server.site.DashboardConfig;
import dev.mtbsync.server.site.DashboardContext;
import dev.mtbsync.server.sse.SseHub;
import dev.mtbsync.server.uploads.UploadRoutes;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The dashboard: a Javalin app over one batch root. This class only wires routes to the handlers of
 * {@code api} and {@code pages}, which call the engine; see the README for the routes.
 *
 * <p>The app is built unstarted ({@link #app()}, for tests on port 0); {@link #start()} binds
 * {@code host:port}. Stopping the app, or {@link #close()}, ends the event streams and stops the
 * perf watcher.
 */
public final class DashboardServer implements AutoCloseable {

  /** System property naming a {@code web/} folder to serve from instead of the jar. */
  public static final String WEB_DEV_PROPERTY = "mtbsync.web.dir";

  static final String WEB_RESOURCES = "/dev/mtbsync/server/web";

  private final DashboardContext site;
  private final Javalin app;

  private DashboardServer(DashboardContext site, Javalin app) {
    this.site = site;
    this.app = app;
  }

  /**
   * @throws NoSuchFileException when the root is not a folder
   * @throws IllegalArgumentException when a setting is out of range
   */
  public static DashboardServer create(DashboardConfig config) throws IOException {
    config.validate();
    if (config.compare() != null) {
      config.compare().validate();
    }
    RootPath root = new RootPath(config.root());
    PerfIndex index = new PerfIndex(root);
    SseHub hub = new SseHub(2, 64, config.keepAlive());
    PerfWatcher watcher = new PerfWatcher(root, index, hub, config.scanInterval());
    SseHub renderHub = new SseHub("mtbsync-render-sse", 1, 64, config.keepAlive());
    DashboardContext site =
        new DashboardContext(
            config,
            root,
            index,
            watcher,
            hub,
            new MediaFiles(),
            new RenderJobs(renderHub),
            renderHub);
    return new DashboardServer(site, Javalin.create(c -> configure(c, site)));
  }

  private static void configure(io.javalin.config.JavalinConfig c, DashboardContext site) {
    DashboardConfig config = site.config();
    c.jetty.host = config.host();
    c.jetty.port = config.port();
    c.startup.showJavalinBanner = false;
    c.jsonMapper(new JavalinJackson(ApiJson.MAPPER, false));
    // event streams are accepted on the hub's one thread, not on a pool that grows per connect
    c.concurrency.executor =
        kotlin.LazyKt.lazyOf(new io.javalin.http.util.AsyncExecutor(site.hub().acceptor()));
    staticFiles(c);

    RequestGuards guards = new RequestGuards(config);
    Pages pages = new Pages(site);
    FilesApi files = new FilesApi(site);
    RunsApi runs = new RunsApi(site);
    QualityApi quality = new QualityApi(site);
    PerfApi perf = new PerfApi(site);
    WriteApi write = new WriteApi(site);
    CompareApi compare = new CompareApi(site);
    PinsApi pins = new PinsApi(site);
    RenderApi render = new RenderApi(site);
    ExportApi export = new ExportApi(site);

    var r = c.routes;
    r.before(ctx -> SecurityHeaders.apply(ctx.res()));
    r.before(guards::checkHost);
    r.get("/", pages::dashboard);
    r.get("/telemetry", pages::telemetry);
    r.get("/compare", pages::compare);
    r.get("/api/files", files::list);
    r.get("/api/files/<path>", files::download);
    r.get("/api/runs", runs::runs);
    r.get("/api/timewarp", runs::timewarp);
    r.get("/api/splits", runs::splits);
    r.get("/api/markers", runs::markers);
    r.get("/api/markers/export", export::markers);
    r.get("/api/regression", quality::regression);
    r.get("/api/batch-summary", quality::batchSummary);
    r.get("/api/perf/history", perf::history);
    r.sse("/api/perf/stream", perf::stream);
    r.get("/api/status", perf::status);
    r.get("/api/compare", compare::view);
    r.get("/media/{role}", compare::media);
    r.get("/api/annotations", compare::exportAnnotations);
    r.post("/api/annotations", writing(guards, compare::saveAnnotation));
    r.post("/api/anchors", writing(guards, pins::save));
    r.post("/api/export-json", writing(guards, write::exportJson));
    r.post("/api/prune-perf", writing(guards, write::prunePerf));
    r.get("/api/render", render::status);
    r.sse("/api/render/events", render::events);
    r.post("/api/render", writing(guards, render::start));
    r.post("/api/render/cancel", writing(guards, render::cancel));
    UploadRoutes uploads = new UploadRoutes(site);
    uploads.register(r, guards::checkUpload);
    HttpErrors.register(r);

    c.events.serverStopping(() -> stopLive(site));
    c.events.serverStopping(uploads::close);
  }

  /** A write route: the guard first, then the handler. */
  private static Handler writing(RequestGuards guards, Handler handler) {
    return ctx -> {
      guards.checkWrite(ctx);
      handler.handle(ctx);
    };
  }

  /** web/ from the jar, or from the folder named by {@value #WEB_DEV_PROPERTY} (development). */
  private static void staticFiles(io.javalin.config.JavalinConfig c) {
    String dev = System.getProperty(WEB_DEV_PROPERTY);
    boolean external = dev != null && !dev.isBlank() && Files.isDirectory(Path.of(dev));
    c.staticFiles.add(
        s -> {
          s.hostedPath = "/static";
          s.directory = external ? Path.of(dev).toAbsolutePath().toString() : WEB_RESOURCES;
          s.location = external ? Location.EXTERNAL : Location.CLASSPATH;
          s.headers = Map.of("Cache-Control", external ? "no-cache" : "max-age=300");
        });
    // browser libraries the build installs (see server/vendor): always from the jar
    c.staticFiles.add(
        s -> {
          s.hostedPath = "/static/vendor";
          s.directory = "/dev/mtbsync/server/vendor";
          s.location = Location.CLASSPATH;
          s.headers = Map.of("Cache-Control", "max-age=300");
        });
  }

  private static void stopLive(DashboardContext site) {
    site.watcher().close();
    site.hub().close();
    site.renders().close();
    site.renderHub().close();
  }

  /** The app, not started: tests start it on port 0 (JavalinTest). */
  public Javalin app() {
    return app;
  }

  public DashboardContext context() {
    return site;
  }

  /**
   * Binds the configured host and port.
   *
   * @throws BindException "HOST:PORT: ..." when the port is taken or not allowed
   */
  public DashboardServer start() throws BindException {
    try {
      app.start();
    } catch (io.javalin.util.JavalinBindException e) {
      close();
      String why =
          e.getMessage() != null && e.getMessage().startsWith("Port already in use")
              ? "the port is in use"
              : "cannot bind (" + e.getMessage() + ")";
      throw new BindException(site.config().host() + ":" + site.config().port() + ": " + why);
    }
    return this;
  }

  /** The port bound (after start). */
  public int port() {
    return app.port();
  }

  /** The landing page's URL (after start). */
  public String url() {
    String h = site.config().host();
    String host = h.equals("0.0.0.0") || h.equals("::") ? DashboardConfig.LOOPBACK : h;
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port() + site.config().landing().path();
  }

  /** Stops the server, its streams and its watcher. */
  @Override
  public void close() {
    app.stop();
    stopLive(site);
  }
}
