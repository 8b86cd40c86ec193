package dev.mtbsync.server.api;

import dev.mtbsync.align.Anchor;
import dev.mtbsync.runs.RunRefit;
import dev.mtbsync.server.compare.CompareSource;
import dev.mtbsync.server.site.DashboardContext;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/anchors} (with {@code --allow-write}, checked before this runs): the compare
 * page's pins of a run. Body {@code {"run": ID, "pins": [{"t_new": s, "t_ref": s, "note": ""}],
 * "markers": RUN/new_markers.x.csv (optional, the view's marker file)}}: the run's pins, all of
 * them (the page sends the whole list after each pin added or removed). Saves them as the run's
 * {@code anchors.csv}, refits the warp through them ({@link RunRefit}) and answers the compare view
 * afresh. Pins that run backwards are refused with 409, pins no warp fits with 422; nothing is
 * written then.
 */
public final class PinsApi {

  static final int MAX_PINS = 500;
  static final int MAX_NOTE = 200;

  /** One refit at a time: two saves at once would interleave the run's files. */
  private static final Object REFIT = new Object();

  private final DashboardContext site;

  public PinsApi(DashboardContext site) {
    this.site = site;
  }

  public void save(Context ctx) throws Exception {
    Map<?, ?> b = Bodies.object(ctx);
    if (!(b.get("run") instanceof String run) || run.isBlank()) {
      throw new IllegalArgumentException(
          "pins need a run of the root (run): a compare-ui session has no run folder to refit");
    }
    CompareSource s =
        CompareSource.ofRun(
            site.root(), run, b.get("markers") instanceof String m && !m.isBlank() ? m : null);
    Path dir = site.root().runDir(run);
    for (String name : RunRefit.FILES) {
      site.root().inRoot(dir.resolve(name)); // a link out of the root: 403 before any write
    }
    List<Anchor> pins = pins(b.get("pins"));
    Double fps = site.media().fps(site.root(), run, "new", null);
    try {
      synchronized (REFIT) {
        RunRefit.refit(dir, pins, fps == null ? 1 / 30.0 : 1 / fps);
      }
    } catch (RunRefit.NoWarpException e) {
      throw new HttpResponseException(422, e.getMessage());
    }
    ctx.json(site.compareView(s));
  }

  /** The pins of a request body: a list of {t_new, t_ref, note}, times in seconds. */
  static List<Anchor> pins(Object list) {
    if (!(list instanceof List<?> items)) {
      throw new IllegalArgumentException("pins must be a list of {t_new, t_ref, note}");
    }
    if (items.size() > MAX_PINS) {
      throw new IllegalArgumentException("at most " + MAX_PINS + " pins, got " + items.size());
    }
    List<Anchor> out = new ArrayList<>();
    for (Object o : items) {
      if (!(o instanceof Map<?, ?> p)
          || !(p.get("t_new") instanceof Number tNew)
          || !(p.get("t_ref") instanceof Number tRef)
          || !(tNew.doubleValue() >= 0)
          || !(tRef.doubleValue() >= 0)
          || Double.isInfinite(tNew.doubleValue() + tRef.doubleValue())) {
        throw new IllegalArgumentException(
            "pin " + (out.size() + 1) + ": t_new and t_ref must be times >= 0 s, got " + o);
      }
      String note = p.get("note") instanceof String n ? n.strip() : "";
      if (note.length() > MAX_NOTE) {
        throw new IllegalArgumentException(
            "a pin's note is limited to " + MAX_NOTE + " characters");
      }
      out.add(new Anchor(tNew.doubleValue(), tRef.doubleValue(), note));
    }
    return out;
  }
}
