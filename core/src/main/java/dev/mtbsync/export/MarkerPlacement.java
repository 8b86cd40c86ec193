package dev.mtbsync.export;

import dev.mtbsync.markers.NewMarker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Puts markers on frames, the same way for every format: the nearest frame, nothing past the clip's
 * end, nothing whose timecode would pass 24:00:00:00, and (for formats that keep one marker per
 * frame) one marker per frame.
 */
final class MarkerPlacement {

  /**
   * The clip as placement sees it.
   *
   * @param endSec where it ends, in seconds from its first frame; NaN when unknown
   * @param frames timeline frames that show some of it; -1 when unknown
   */
  record Clip(double endSec, long frames) {
    static final Clip UNKNOWN = new Clip(Double.NaN, -1);

    static Clip of(SourceClip clip, FrameRate rate) {
      return clip == null ? UNKNOWN : new Clip(clip.endSec(), clip.framesAt(rate));
    }
  }

  /**
   * How far timecode can count: the last timeline frame a one-frame event can start on without its
   * out timecode reaching 24:00:00:00 and wrapping to 00:00:00:00, and the same for the clip's own
   * timecode (at the clip's rate) where the format writes it.
   *
   * @param lastFrame that timeline frame, counted from the clip's first; below 0 when none can
   * @param why the reason a marker past it is left out, after "at T s, "
   * @param sourceRate the clip's own rate
   * @param lastSourceFrame the last clip frame (at {@code sourceRate}) a marker can sit on without
   *     the clip's own timecode wrapping; {@link Long#MAX_VALUE} when the format writes none
   * @param sourceWhy the reason a marker past that is left out
   */
  record Midnight(
      long lastFrame, String why, FrameRate sourceRate, long lastSourceFrame, String sourceWhy) {

    /**
     * The limit of a timeline starting at {@code timelineStart} (frames at {@code tc}'s rate) and,
     * when {@code source} is true (a format that writes the clip's own timecode), of the clip's own
     * timecode {@code sourceTc} starting at {@code sourceStart} (frames at its rate).
     */
    static Midnight of(
        Timecode tc, long timelineStart, Timecode sourceTc, long sourceStart, boolean source) {
      String timelineWhy =
          "its timeline timecode would pass 24:00:00:00 and wrap to 00:00:00:00 (the timeline"
              + " starts at "
              + tc.format(timelineStart)
              + "; give an earlier --start-tc)";
      return new Midnight(
          tc.framesPerDay() - 2 - timelineStart,
          timelineWhy,
          sourceTc.rate(),
          source ? sourceTc.framesPerDay() - 2 - sourceStart : Long.MAX_VALUE,
          "the clip's own timecode would pass 24:00:00:00 there and wrap to 00:00:00:00 (it starts"
              + " at "
              + sourceTc.format(sourceStart)
              + ")");
    }

    /** Why a marker on timeline frame {@code frame} at {@code tNew} s is past midnight, or null. */
    String check(long frame, double tNew, FrameRate rate) {
      if (frame > lastFrame) {
        return why;
      }
      long sourceFrame = sourceRate.equals(rate) ? frame : sourceRate.frameAt(tNew);
      return sourceFrame > lastSourceFrame ? sourceWhy : null;
    }
  }

  private MarkerPlacement() {}

  /**
   * Places each marker on its nearest frame; leaves out (into {@code skipped}) those the new run
   * does not cover, those before the clip's first frame or at or past its end, and those past
   * {@code midnight}. A marker before the clip's end whose nearest frame is the one after the clip
   * (a time within the last frame, nearer its end) goes on the clip's last frame.
   *
   * @return the placed markers in frame order, markers on one frame in file order
   */
  static List<PlacedMarker> place(
      List<NewMarker> markers,
      FrameRate rate,
      Clip clip,
      Midnight midnight,
      List<SkippedMarker> skipped) {
    List<PlacedMarker> placed = new ArrayList<>();
    for (int i = 0; i < markers.size(); i++) {
      NewMarker m = markers.get(i);
      if (Double.isNaN(m.tNew())) {
        skipped.add(new SkippedMarker(m.name(), m.tNew(), "the new run does not cover it"));
        continue;
      }
      long frame = rate.frameAt(m.tNew());
      boolean pastEnd =
          !Double.isNaN(clip.endSec())
              ? m.tNew() >= clip.endSec() - 1e-9
              : clip.frames() > 0 && frame >= clip.frames();
      if (pastEnd) {
        double end = Double.isNaN(clip.endSec()) ? rate.secondsOf(clip.frames()) : clip.endSec();
        skipped.add(
            new SkippedMarker(
                m.name(),
                m.tNew(),
                String.format(
                    Locale.ROOT, "at %.3f s, past the clip's end (%.3f s)", m.tNew(), end)));
        continue;
      }
      if (frame < 0) {
        skipped.add(
            new SkippedMarker(
                m.name(),
                m.tNew(),
                String.format(Locale.ROOT, "at %.3f s, before the clip's first frame", m.tNew())));
        continue;
      }
      if (clip.frames() > 0) {
        frame = Math.min(frame, clip.frames() - 1);
      }
      String wraps = midnight.check(frame, m.tNew(), rate);
      if (wraps != null) {
        skipped.add(
            new SkippedMarker(
                m.name(), m.tNew(), String.format(Locale.ROOT, "at %.3f s, %s", m.tNew(), wraps)));
        continue;
      }
      placed.add(new PlacedMarker(i, m, frame));
    }
    placed.sort(Comparator.comparingLong(PlacedMarker::frame));
    return placed;
  }

  /**
   * Joins the markers that share a frame into one, for formats that keep one marker per frame: the
   * first in the file keeps its place and colour; names are joined with {@code " + "}, comments
   * with {@code "; "}; it needs review when any of them does, at the lowest confidence. Each marker
   * joined to another is reported in {@code merged}.
   *
   * <p>DESIGN NOTE: joined, not moved a frame: moving changes a time the warp put there, and the
   * next frame may hold a marker too; joining keeps every time and every text.
   *
   * @param placed markers in frame order
   * @param timeline a clip frame's timeline label, for the report
   */
  static List<PlacedMarker> onePerFrame(
      List<PlacedMarker> placed, LongFunction<String> timeline, List<MergedMarker> merged) {
    List<PlacedMarker> out = new ArrayList<>();
    for (PlacedMarker p : placed) {
      PlacedMarker last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last == null || last.frame() != p.frame()) {
        out.add(p);
        continue;
      }
      NewMarker a = last.marker();
      NewMarker b = p.marker();
      merged.add(new MergedMarker(b.name(), b.tNew(), a.name(), timeline.apply(p.frame())));
      NewMarker joined =
          new NewMarker(
              a.name().strip() + " + " + b.name().strip(),
              a.tRef(),
              a.tNew(),
              Math.min(a.confidence(), b.confidence()),
              a.needsReview() || b.needsReview(),
              a.colour(),
              join(a.comment(), b.comment()));
      out.set(out.size() - 1, new PlacedMarker(last.index(), joined, last.frame()));
    }
    return out;
  }

  /**
   * Makes each marker a range up to the next marker on a later frame: the sectors of a run, gate to
   * gate. The last marker (the finish gate) stays a point marker, since no sector starts there.
   *
   * @param placed markers in frame order, each a point
   */
  static List<PlacedMarker> sectors(List<PlacedMarker> placed) {
    List<PlacedMarker> out = new ArrayList<>(placed.size());
    int next = 0;
    for (int i = 0; i < placed.size(); i++) {
      PlacedMarker p = placed.get(i);
      next = Math.max(next, i + 1);
      while (next < placed.size() && placed.get(next).frame() == p.frame()) {
        next++;
      }
      out.add(next < placed.size() ? p.withDuration(placed.get(next).frame() - p.frame()) : p);
    }
    return out;
  }

  private static String join(String a, String b) {
    boolean hasA = a != null && !a.isBlank();
    boolean hasB = b != null && !b.isBlank();
    if (hasA && hasB) {
      return a.strip() + "; " + b.strip();
    }
    return hasA ? a : hasB ? b : "";
  }
}
