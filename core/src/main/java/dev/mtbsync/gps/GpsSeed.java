package dev.mtbsync.gps;

import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.match.SearchPrior;
import dev.mtbsync.stats.Stats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the riders' GPS contributes to one sync: both tracks as distance curves on their videos'
 * clocks, the alignment between them, the {@link SearchPrior} that narrows the visual search, and
 * afterwards how the warp from the pictures compares with it. With GPS on one side only there is
 * nothing to align, but the track still measures distance along the trail (for splits); without
 * usable GPS the sync is by the pictures alone, and the notes say why.
 */
public final class GpsSeed {

  /** Pictures and GPS further apart than this (s, and the GPS's own 3 sigma) disagree. */
  static final double DISAGREE_SEC = 1.0;

  /**
   * Band (s) added for clocks: a camera's own telemetry shares the video's clock to within a frame
   * or so; a watch or bike computer can be seconds off the camera, and where the video does not say
   * when it started, its track's first fix stands for it.
   */
  static final double SHARED_CLOCK_BAND_SEC = 1.0;

  static final double SEPARATE_CLOCK_BAND_SEC = 8.0;

  /** Fixes this far (s) outside the video still help smooth its ends. */
  private static final double MARGIN_SEC = 5;

  private final RunGps ref;
  private final RunGps neu;
  private final DistanceCurve refCurve;
  private final DistanceCurve newCurve;
  private final GpsAlignment alignment;
  private final SearchPrior prior;
  private final List<String> notes;

  private GpsSeed(
      RunGps ref,
      RunGps neu,
      DistanceCurve refCurve,
      DistanceCurve newCurve,
      GpsAlignment alignment,
      SearchPrior prior,
      List<String> notes) {
    this.ref = ref;
    this.neu = neu;
    this.refCurve = refCurve;
    this.newCurve = newCurve;
    this.alignment = alignment;
    this.prior = prior;
    this.notes = List.copyOf(notes);
  }

  /**
   * Both runs' GPS as read, before any decoding (so a broken file costs no time).
   *
   * @param ref the reference's, or null
   * @param neu the new run's, or null
   * @param notes what was missing, for the run's summary
   */
  public record Loaded(RunGps ref, RunGps neu, List<String> notes) {

    /**
     * Reads both sides. Files the user named must be readable; a video without telemetry is noted
     * and left out.
     */
    public static Loaded read(GpsInputs in, Path refVideo, Path newVideo) throws IOException {
      List<String> notes = new ArrayList<>();
      RunGps r = side(in.ref(), refVideo, "reference", notes);
      RunGps n = side(in.neu(), newVideo, "new run", notes);
      return new Loaded(r, n, notes);
    }

    private static RunGps side(GpsSource s, Path video, String who, List<String> notes)
        throws IOException {
      try {
        return RunGps.load(s, video);
      } catch (GpsFormatException e) {
        if (s.file() != null) {
          throw e; // the user named this file for its GPS
        }
        // a video without telemetry, or one that is no MP4/MOV (the decoder judges the video)
        notes.add(who + " GPS: none (" + e.getMessage() + ")");
        return null;
      }
    }

    /**
     * Builds the curves, aligns them and makes the prior, once the videos' lengths are known.
     *
     * @param refDurationSec the reference video's length (s)
     * @param newDurationSec the new video's length (s)
     */
    public GpsSeed plan(double refDurationSec, double newDurationSec) {
      List<String> out = new ArrayList<>(notes);
      LocalFrame frame = frame(ref, neu);
      DistanceCurve rc = curve(ref, frame, refDurationSec, "reference", out);
      DistanceCurve nc = curve(neu, frame, newDurationSec, "new run", out);
      GpsAlignment al = null;
      SearchPrior prior = null;
      if (rc != null && nc != null) {
        try {
          al = GpsAligner.align(rc, nc);
          double clock =
              ref.track().videoStart() != null && neu.track().videoStart() != null
                  ? SHARED_CLOCK_BAND_SEC
                  : SEPARATE_CLOCK_BAND_SEC;
          double[] band = new double[al.tNew().length];
          for (int k = 0; k < band.length; k++) {
            band[k] = clock + 3 * al.sigmaSec()[k];
          }
          prior = new SearchPrior(al.tNew(), al.tRef(), band);
          out.add(
              String.format(
                  Locale.ROOT,
                  "GPS seeds the search: the reference is looked for within %.1f s (median) of"
                      + " where the tracks put the new run",
                  Stats.upperMedian(band)));
        } catch (IllegalArgumentException e) {
          out.add(e.getMessage() + ": the search is by the pictures alone");
        }
      } else if (rc != null || nc != null) {
        out.add(
            "GPS on the "
                + (rc != null ? "reference" : "new run")
                + " only: the search is by the pictures alone; the track measures distance along"
                + " the trail");
      } else {
        out.add("no usable GPS: the search is by the pictures alone");
      }
      return new GpsSeed(ref, neu, rc, nc, al, prior, out);
    }

    /** Both tracks measured from the first fix of the reference's (else the new run's). */
    private static LocalFrame frame(RunGps a, RunGps b) {
      RunGps g = a != null ? a : b;
      if (g == null) {
        return new LocalFrame(0, 0);
      }
      TrackPoint p = g.track().points().get(0);
      return new LocalFrame(p.lat(), p.lon());
    }

    private static DistanceCurve curve(
        RunGps g, LocalFrame frame, double durationSec, String who, List<String> notes) {
      if (g == null) {
        return null;
      }
      try {
        DistanceCurve c =
            DistanceCurve.of(
                g.track(), g.videoStart(), frame, -MARGIN_SEC, durationSec + MARGIN_SEC);
        String dropped = c.droppedCount() == 0 ? "" : "; dropped " + c.droppedSummary();
        notes.add(
            String.format(
                Locale.ROOT,
                "%s GPS: %s, %d fixes during the video, %.0f m%s; clock from %s",
                who,
                g.track().file().getFileName(),
                c.fixes(),
                c.length(),
                dropped,
                g.clock()));
        return c;
      } catch (IllegalArgumentException e) {
        notes.add(who + " GPS unusable: " + e.getMessage() + " (clock from " + g.clock() + ")");
        return null;
      }
    }
  }

  /** The prior for the visual search, or null when the GPS cannot seed it. */
  public SearchPrior prior() {
    return prior;
  }

  /** The reference's distance curve, or null. */
  public DistanceCurve refCurve() {
    return refCurve;
  }

  /** The new run's distance curve, or null. */
  public DistanceCurve newCurve() {
    return newCurve;
  }

  /** What happened, line by line, for the run's summary. */
  public List<String> notes() {
    return notes;
  }

  /** Compares the warp from the pictures with the GPS alignment; null when there is none. */
  public GpsAgreement compare(MonotoneWarp warp) {
    if (alignment == null || warp == null) {
      return null;
    }
    double[] t = alignment.tNew();
    List<Double> diffs = new ArrayList<>();
    List<GpsAgreement.Disagreement> out = new ArrayList<>();
    int from = -1;
    int lastBad = -1;
    double worst = 0;
    for (int k = 0; k < t.length; k++) {
      if (t[k] < warp.validFrom() || t[k] > warp.validTo()) {
        continue;
      }
      double d = warp.map(t[k]) - alignment.tRef()[k];
      diffs.add(d);
      boolean bad = Math.abs(d) > Math.max(DISAGREE_SEC, 3 * alignment.sigmaSec()[k]);
      if (bad) {
        if (from >= 0 && k - lastBad > 5) { // a gap of more than half a second ends a stretch
          add(out, t, from, lastBad, worst);
          from = -1;
        }
        if (from < 0) {
          from = k;
          worst = 0;
        }
        lastBad = k;
        worst = Math.abs(d) > Math.abs(worst) ? d : worst;
      }
    }
    if (from >= 0) {
      add(out, t, from, lastBad, worst);
    }
    if (diffs.isEmpty()) {
      return null;
    }
    double[] d = diffs.stream().mapToDouble(Double::doubleValue).toArray();
    double[] abs = Arrays.stream(d).map(Math::abs).toArray();
    return new GpsAgreement(
        Stats.upperMedian(d), Stats.lowerPercentile(abs, 90), Stats.percentile(abs, 100), out);
  }

  private static void add(
      List<GpsAgreement.Disagreement> out, double[] t, int from, int to, double worst) {
    if (to - from >= 2) { // shorter than 0.3 s is noise
      out.add(new GpsAgreement.Disagreement(t[from], t[to], worst));
    }
  }

  /** One line on how pictures and GPS compare, or null without a comparison. */
  public static String describe(GpsAgreement a) {
    if (a == null) {
      return null;
    }
    String base =
        String.format(
            Locale.ROOT,
            "pictures vs GPS: median %+.2f s, P90 %.2f s, max %.2f s",
            a.medianSec(),
            a.p90AbsSec(),
            a.maxAbsSec());
    if (a.disagreements().isEmpty()) {
      return base + "; they agree";
    }
    List<String> parts = new ArrayList<>();
    for (GpsAgreement.Disagreement d :
        a.disagreements().subList(0, Math.min(5, a.disagreements().size()))) {
      parts.add(
          String.format(Locale.ROOT, "%.1f-%.1f s (%+.1f s)", d.fromSec(), d.toSec(), d.maxSec()));
    }
    String more =
        a.disagreements().size() > 5 ? " and " + (a.disagreements().size() - 5) + " more" : "";
    return base
        + "; they disagree over "
        + String.join(", ", parts)
        + more
        + " of the new run, where the pictures are kept";
  }

  /** The {@code gps} block of timewarp.json. */
  public Map<String, Object> toJson(GpsAgreement agreement, boolean seeded) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seeded", seeded);
    m.put("reference", side(ref, refCurve));
    m.put("new", side(neu, newCurve));
    if (alignment != null) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("distance_scale", round(alignment.distanceScale(), 4));
      a.put("distance_offset_m", round(alignment.distanceOffsetM(), 2));
      a.put("place_rms_m", round(alignment.placeRmsM(), 2));
      a.put("shared_frac", round(alignment.sharedFrac(), 3));
      a.put("time_scale", round(alignment.timeScale(), 4));
      a.put("time_offset_sec", round(alignment.timeOffsetSec(), 3));
      a.put("band_sec_median", round(Stats.upperMedian(prior.bandSec()), 3));
      m.put("alignment", a);
    }
    if (agreement != null) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("median_sec", round(agreement.medianSec(), 3));
      a.put("p90_abs_sec", round(agreement.p90AbsSec(), 3));
      a.put("max_abs_sec", round(agreement.maxAbsSec(), 3));
      List<Map<String, Object>> ds = new ArrayList<>();
      for (GpsAgreement.Disagreement d : agreement.disagreements()) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("t_new_from", round(d.fromSec(), 2));
        x.put("t_new_to", round(d.toSec(), 2));
        x.put("max_sec", round(d.maxSec(), 3));
        ds.add(x);
      }
      a.put("disagreements", ds);
      m.put("agreement", a);
    }
    m.put("notes", notes);
    return m;
  }

  private static Map<String, Object> side(RunGps g, DistanceCurve c) {
    if (g == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", g.track().file().toString());
    m.put("format", g.track().format());
    m.put("clock", g.clock());
    m.put("fixes_read", g.track().points().size());
    m.put("fixes_used", c == null ? 0 : c.fixes());
    m.put("dropped", c == null ? null : c.droppedSummary());
    m.put("length_m", c == null ? null : round(c.length(), 1));
    return m;
  }

  private static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
