package dev.mtbsync.export;

import dev.mtbsync.markers.NewMarker;

/**
 * A marker on a frame of the new video.
 *
 * @param index its row in the markers file, from 0
 * @param marker the marker
 * @param frame the frame it lands on, from 0 at the clip's first frame
 */
record PlacedMarker(int index, NewMarker marker, long frame) {}
