package dev.mtbsync.server.compare;

import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.markers.ConfidenceBand;
import dev.mtbsync.markers.MarkerCsv;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.markers.RefMarker;
import dev.mtbsync.runs.AnchorsCsv;
import dev.mtbsync.runs.TimewarpFile;
import dev.mtbsync.server.artefacts.Problems;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the compare page needs, as JSON: the warp's knots (the page maps times itself while
 * scrubbing), the markers with their predicted times and deltas, their summary and the saved
 * annotations.
 *
 * @param runId the run, null for a compare-ui session
 * @param ref the reference video
 * @param neu the new run's video
 * @param warp the mapping's knots, null when there is none
 * @param markers every marker, by predicted (else own) time on the new run
 * @param deltas the summary of the markers' deltas
 * @param annotations saved annotations
 * @param pins the run's pins ({@code anchors.csv}), by new-run time
 * @param canWrite annotations can be saved
 * @param canPin pins can be saved and the warp refitted (a run, with {@code --allow-write})
 * @param warnings what could not be read
 * @param gap the running gap's anchor and the gates, null without a warp
 * @param confidenceBands where each confidence band starts ({@link ConfidenceBand#limits}): the
 *     page colours markers by them
 */
public record CompareView(
    String runId,
    Video ref,
    Video neu,
    Knots warp,
    List<CompareMarker> markers,
    DeltaSummary deltas,
    List<Annotation> annotations,
    List<Pin> pins,
    boolean canWrite,
    boolean canPin,
    List<String> warnings,
    GapView gap,
    Map<String, Double> confidenceBands) {

  /**
   * A video as the page plays it.
   *
   * @param name its file name
   * @param url where the server streams it
   * @param fps its nominal frame rate (frames a second), null when unknown
   */
  public record Video(String name, String url, Double fps) {}

  /**
   * A pin: this moment of the new run is that moment of the reference.
   *
   * @param tNew new-run time (s)
   * @param tRef reference time (s)
   * @param note the rider's note, may be empty
   */
  public record Pin(double tNew, double tRef, String note) {}

  /** The warp's knots: new time to reference time (s), with confidence, strictly increasing. */
  public record Knots(double[] tNew, double[] tRef, double[] confidence) {}

  /**
   * @param fps the frame rate of the video of a role ({@code ref} or {@code new}), null when
   *     unknown
   */
  public static CompareView of(
      CompareSource s, boolean canWrite, java.util.function.Function<String, Double> fps) {
    List<String> warnings = new ArrayList<>(s.warnings());
    MonotoneWarp warp = null;
    try {
      warp = TimewarpFile.read(s.timewarp());
    } catch (IOException e) {
      warnings.add(s.timewarp().getFileName() + ": " + Problems.oneLine(e, s.timewarp()));
    }
    Map<String, CompareMarker> byName = new LinkedHashMap<>();
    if (s.newMarkers() != null) {
      try {
        for (NewMarker m : MarkerCsv.readNew(s.newMarkers())) {
          byName.put(
              m.name(),
              marker(
                  warp,
                  m.name(),
                  nan(m.tRef()),
                  nan(m.tNew()),
                  m.hasInterval() ? new double[] {m.tNewLo(), m.tNewHi()} : null,
                  m.confidence(),
                  m.needsReview(),
                  m.colour(),
                  m.comment()));
        }
      } catch (IOException e) {
        warnings.add(s.newMarkers().getFileName() + ": " + Problems.oneLine(e, s.newMarkers()));
      }
    }
    if (s.refMarkers() != null) {
      try {
        for (RefMarker r : MarkerCsv.readReference(s.refMarkers())) {
          CompareMarker had = byName.get(r.name());
          byName.put(
              r.name(),
              had == null
                  ? marker(
                      warp, r.name(), r.tRef(), null, null, null, false, r.colour(), r.comment())
                  : marker(
                      warp,
                      r.name(),
                      r.tRef(),
                      had.tNew(),
                      had.tNewLo() == null ? null : new double[] {had.tNewLo(), had.tNewHi()},
                      had.confidence(),
                      had.needsReview(),
                      had.colour(),
                      had.comment()));
        }
      } catch (IOException e) {
        warnings.add(s.refMarkers().getFileName() + ": " + Problems.oneLine(e, s.refMarkers()));
      }
    }
    List<CompareMarker> markers = new ArrayList<>(byName.values());
    markers.sort(
        java.util.Comparator.comparing(
            CompareMarker::at, java.util.Comparator.nullsLast(Double::compare)));
    List<Annotation> annotations = List.of();
    try {
      annotations = Annotations.read(s.annotations());
    } catch (IOException e) {
      warnings.add(CompareSource.ANNOTATIONS + ": " + Problems.oneLine(e, s.annotations()));
    }
    List<Pin> pins = new ArrayList<>();
    if (s.anchors() != null && java.nio.file.Files.isRegularFile(s.anchors())) {
      try {
        for (dev.mtbsync.align.Anchor a : AnchorsCsv.read(s.anchors())) {
          pins.add(new Pin(a.tNew(), a.tRef(), a.note()));
        }
        pins.sort(java.util.Comparator.comparingDouble(Pin::tNew));
      } catch (IOException e) {
        warnings.add(AnchorsCsv.FILE + ": " + Problems.oneLine(e, s.anchors()));
      }
    }
    String q = s.runId() == null ? "" : "?run=" + s.runId();
    return new CompareView(
        s.runId(),
        new Video(name(s.refVideo()), "/media/ref" + q, fps.apply("ref")),
        new Video(name(s.newVideo()), "/media/new" + q, fps.apply("new")),
        warp == null ? null : new Knots(warp.tNew(), warp.tRef(), warp.confidence()),
        List.copyOf(markers),
        DeltaSummary.of(markers),
        annotations,
        List.copyOf(pins),
        canWrite,
        canWrite && s.anchors() != null,
        List.copyOf(warnings),
        GapView.of(markers, warp),
        ConfidenceBand.limits());
  }

  private static CompareMarker marker(
      MonotoneWarp warp,
      String name,
      Double tRef,
      Double tNew,
      double[] interval,
      Double confidence,
      boolean review,
      String colour,
      String comment) {
    Double predicted = null;
    if (warp != null && tRef != null) {
      predicted = nan(warp.inverse(tRef));
    }
    Double delta = predicted != null && tNew != null ? tNew - predicted : null;
    double conf =
        confidence != null ? confidence : predicted != null ? warp.confidenceAt(predicted) : 0;
    boolean nowhere = predicted == null && tNew == null; // the new run does not reach it
    return new CompareMarker(
        name,
        tRef,
        tNew,
        interval == null ? null : interval[0],
        interval == null ? null : interval[1],
        predicted,
        delta,
        conf,
        review || nowhere,
        colour,
        comment);
  }

  private static Double nan(double v) {
    return Double.isNaN(v) ? null : v;
  }

  private static String name(Path p) {
    return p == null ? null : p.getFileName().toString();
  }
}
