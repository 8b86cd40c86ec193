package dev.mtbsync.export;

import dev.mtbsync.markers.NewMarker;

/**
 * A marker on a frame of the new video.
 *
 * @param index its row in the markers file, from 0
 * @param marker the marker
 * @param frame the timeline frame it lands on, from 0 at the clip's first frame
 * @param duration how many timeline frames it spans: 1 for a point marker, more for a range (a
 *     sector from its gate to the next)
 */
record PlacedMarker(int index, NewMarker marker, long frame, long duration) {

  PlacedMarker {
    if (duration < 1) {
      throw new IllegalArgumentException("a marker spans at least one frame, got " + duration);
    }
  }

  /** A point marker. */
  PlacedMarker(int index, NewMarker marker, long frame) {
    this(index, marker, frame, 1);
  }

  /** True for a marker that spans more than its frame. */
  boolean isRange() {
    return duration > 1;
  }

  PlacedMarker withDuration(long frames) {
    return new PlacedMarker(index, marker, frame, frames);
  }
}
