package dev.mtbsync.synth;

import dev.mtbsync.markers.RefMarker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Places 6 to 12 reference markers, one in each equal slice of the middle 84% of the run. */
final class SynthMarkers {

  private static final String[] FEATURES = {
    "Jump",
    "Berm",
    "Rock garden",
    "Drop",
    "Root section",
    "Sector gate",
    "Step-down",
    "Hip",
    "Switchback",
    "Gap"
  };
  private static final String[] COLOURS = {
    "blue", "green", "yellow", "red", "cyan", "purple", "pink", "fuchsia"
  };
  private static final String[] COMMENTS = {
    "", "", "hold speed", "brake early, then let go", "line: left, \"inside\" rut", "pedal out"
  };

  private SynthMarkers() {}

  static List<RefMarker> place(SplittableRandom rng, double durationSec) {
    int count = 6 + rng.nextInt(7);
    double from = 0.08 * durationSec;
    double slice = 0.84 * durationSec / count;
    Map<String, Integer> seen = new HashMap<>();
    List<RefMarker> markers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      double t = from + slice * (i + 0.2 + 0.6 * rng.nextDouble());
      String feature = FEATURES[rng.nextInt(FEATURES.length)];
      int n = seen.merge(feature, 1, Integer::sum);
      markers.add(
          new RefMarker(
              feature + " " + n,
              Math.round(t * 1000) / 1000.0,
              COLOURS[rng.nextInt(COLOURS.length)],
              COMMENTS[rng.nextInt(COMMENTS.length)]));
    }
    return markers;
  }
}
