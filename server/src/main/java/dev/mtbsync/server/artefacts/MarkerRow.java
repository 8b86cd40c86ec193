package dev.mtbsync.server.artefacts;

import dev.mtbsync.markers.NewMarker;

/**
 * A transferred marker as the pages and the API show it: times in seconds, null where the new run
 * does not cover the marker.
 */
public record MarkerRow(
    String name,
    Double tRef,
    Double tNew,
    double confidence,
    boolean needsReview,
    String colour,
    String comment) {

  public static MarkerRow of(NewMarker m) {
    return new MarkerRow(
        m.name(),
        Double.isNaN(m.tRef()) ? null : m.tRef(),
        Double.isNaN(m.tNew()) ? null : m.tNew(),
        m.confidence(),
        m.needsReview(),
        m.colour(),
        m.comment());
  }
}
