package dev.mtbsync.server.artefacts;

import dev.mtbsync.markers.NewMarker;

/**
 * A transferred marker as the pages and the API show it: times in seconds, null where the new run
 * does not cover the marker.
 *
 * @param tNewLo lower end of the 90 % interval of {@code tNew} (s), null when the file has none
 *     (files written before the interval was added)
 * @param tNewHi upper end of that interval (s), null when unknown
 */
public record MarkerRow(
    String name,
    Double tRef,
    Double tNew,
    Double tNewLo,
    Double tNewHi,
    double confidence,
    boolean needsReview,
    String colour,
    String comment) {

  public static MarkerRow of(NewMarker m) {
    return new MarkerRow(
        m.name(),
        Double.isNaN(m.tRef()) ? null : m.tRef(),
        Double.isNaN(m.tNew()) ? null : m.tNew(),
        m.hasInterval() ? m.tNewLo() : null,
        m.hasInterval() ? m.tNewHi() : null,
        m.confidence(),
        m.needsReview(),
        m.colour(),
        m.comment());
  }

  /** Half the interval's width (ms, rounded), or null without an interval: "t_new ± this". */
  public Long halfWidthMs() {
    return tNewLo == null || tNewHi == null ? null : Math.round(500 * (tNewHi - tNewLo));
  }
}
