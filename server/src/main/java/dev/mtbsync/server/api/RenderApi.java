package dev.mtbsync.server.api;

import dev.mtbsync.config.ConfigException;
import dev.mtbsync.render.Audio;
import dev.mtbsync.render.Follow;
import dev.mtbsync.render.Layout;
import dev.mtbsync.render.RenderConfig;
import dev.mtbsync.render.RenderInputException;
import dev.mtbsync.render.RenderInputs;
import dev.mtbsync.server.artefacts.RunSummaries;
import dev.mtbsync.server.render.RenderJobs;
import dev.mtbsync.server.render.RenderStatus;
import dev.mtbsync.server.site.DashboardContext;
import dev.mtbsync.server.sse.JavalinSseChannel;
import dev.mtbsync.synth.SynthConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;

/**
 * Rendering a run's comparison video from the dashboard: {@code POST /api/render} starts one (write
 * route), {@code POST /api/render/cancel} stops it (write route), {@code GET /api/render} says
 * where it stands and {@code GET /api/render/events} streams that as {@code render} events. The
 * video goes into the run's folder, {@code RUN/compare-LAYOUT.mp4} ({@code compare-LAYOUT-ref.mp4}
 * following the reference), and is served by {@code /api/files/}.
 */
public final class RenderApi {

  private final DashboardContext site;

  public RenderApi(DashboardContext site) {
    this.site = site;
  }

  /**
   * Body {@code {"run": "RUN", "layout": "overlay", "follow": "new", "size": "1280x720"}} (layout,
   * follow and size optional: side-by-side, new, the layout's default size). Answers 202 with the
   * status, 409 while another render runs.
   */
  public void start(Context ctx) throws Exception {
    Map<?, ?> body = Bodies.object(ctx);
    String run = text(body, "run", null);
    if (run == null) {
      throw new IllegalArgumentException("run is required (a run id, as in /api/runs)");
    }
    Layout layout = Layout.parse(text(body, "layout", Layout.SIDE_BY_SIDE.cliName()));
    Follow follow = Follow.parse(text(body, "follow", "new"));
    String size = text(body, "size", null);
    int[] wh =
        size == null
            ? new int[] {layout.defaultWidth(), layout.defaultHeight()}
            : SynthConfig.parseSize(size);
    RenderConfig config =
        ConfigException.checked(
            () ->
                new RenderConfig(
                        layout,
                        follow,
                        wh[0],
                        wh[1],
                        null,
                        null,
                        RenderConfig.DEFAULT_CRF,
                        follow == Follow.NEW ? Audio.AUTO : Audio.NONE)
                    .validate());
    Path runDir = site.root().runDir(run);
    String file =
        run + "/compare-" + layout.cliName() + (follow == Follow.NEW ? "" : "-ref") + ".mp4";
    Path out = site.root().resolve(file);
    RenderInputs inputs = inputs(run, runDir);
    RenderStatus s = site.renders().start(new RenderJobs.Request(run, config, inputs, out), file);
    ctx.status(202).json(s);
  }

  /** Stops the running render; 409 when none is running. */
  public void cancel(Context ctx) {
    ctx.json(site.renders().cancel());
  }

  public void status(Context ctx) {
    ctx.json(site.renders().status());
  }

  /** A new event-stream client of the render events: the render hub owns it from here. */
  public void events(SseClient client) {
    site.renderHub().join(new JavalinSseChannel(client), client.ctx().header("Last-Event-ID"));
  }

  /**
   * What the render reads, each file through the root's checks: the run's artefacts must lie in the
   * root (no link out), and its videos must be the very files the sync read, as the compare page
   * requires before playing them.
   */
  private RenderInputs inputs(String run, Path runDir) throws Exception {
    for (String name : new String[] {RunSummaries.RUN, "timewarp.json", "new_markers.csv"}) {
      site.root().artefact(runDir.resolve(name));
    }
    Path ref = site.media().video(site.root(), run, "ref", null);
    Path neu = site.media().video(site.root(), run, "new", null);
    RenderInputs read;
    try {
      read = RenderInputs.read(runDir);
    } catch (RenderInputException e) {
      String root = site.root().root() + File.separator;
      throw new IllegalArgumentException(String.valueOf(e.getMessage()).replace(root, ""), e);
    }
    return new RenderInputs(ref, neu, read.warp(), read.markers(), read.camera());
  }

  private static String text(Map<?, ?> body, String key, String fallback) {
    Object v = body.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException(key + " must be a non-empty string");
    }
    return s;
  }
}
