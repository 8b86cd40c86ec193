package dev.mtbsync.gps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.markers.NewMarker;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitsTest {

  /**
   * The new run starts 2 s later on the reference's clock, rides the first 20 s of the reference in
   * 16 s (faster), then stands 3 s, then rides at the reference's pace.
   */
  private static final MonotoneWarp WARP =
      new MonotoneWarp(
          new double[] {0, 16, 19, 40}, new double[] {2, 22, 22, 43}, new double[] {1, 1, 1, 1});

  @Test
  void deltaTimeIsTheNewRunsElapsedTimeMinusTheReferences() {
    List<DeltaTime.Point> d = DeltaTime.curve(WARP, null, null);
    assertThat(d.get(0).tRef()).isEqualTo(2.0);
    assertThat(d.get(0).deltaSec()).isZero();
    assertThat(d.get(d.size() - 1).tRef()).isEqualTo(43.0);
    // at reference 22 s the new run, first there at 16 s, had gained 4 s
    DeltaTime.Point at22 = d.stream().filter(p -> p.tRef() == 22).findFirst().orElseThrow();
    assertThat(at22.tNew()).isCloseTo(16, within(0.05));
    assertThat(at22.deltaSec()).isCloseTo(-4, within(0.05));
    // past the stop the 3 s are lost again: 1 s ahead at the end
    assertThat(d.get(d.size() - 1).deltaSec()).isCloseTo(-1, within(0.05));
    assertThat(d).allSatisfy(p -> assertThat(p.distanceM()).isNaN());
  }

  @Test
  void markersAreGatesAndSectorsLieBetweenThem() {
    List<NewMarker> markers =
        List.of(
            marker("Finish", 40, 37),
            marker("Start", 5, 2.4),
            marker("Not reached", 50, Double.NaN),
            marker("Berm", 22, 16));
    List<Splits.Gate> gates = Splits.of(markers, null, null);
    assertThat(gates).extracting(Splits.Gate::name).containsExactly("Start", "Berm", "Finish");
    Splits.Gate berm = gates.get(1);
    assertThat(berm.gate()).isEqualTo(2);
    assertThat(berm.refSectorSec()).isCloseTo(17, within(1e-9));
    assertThat(berm.newSectorSec()).isCloseTo(13.6, within(1e-9));
    assertThat(berm.sectorDeltaSec()).isCloseTo(-3.4, within(1e-9));
    Splits.Gate finish = gates.get(2);
    assertThat(finish.sectorDeltaSec()).isCloseTo(21 - 18, within(1e-9)); // lost 3 s standing
    assertThat(finish.deltaSec()).isCloseTo(34.6 - 35, within(1e-9));
    assertThat(gates.get(0).refSectorSec()).isNaN();
    assertThat(gates.get(0).deltaSec()).isZero();
  }

  @Test
  void distancesComeFromTheReferencesTrackWhenThereIsOne() {
    TrailFixture trail = new TrailFixture(600);
    GpsTrack ref = trail.ride(t -> 5 * t, 50, 1, 0, 1); // 5 m/s from the video's start
    DistanceCurve curve = DistanceCurve.of(ref, ref.first());
    List<Splits.Gate> gates =
        Splits.of(List.of(marker("A", 10, 8), marker("B", 30, 25)), curve, null);
    assertThat(gates.get(0).distanceM()).isZero();
    assertThat(gates.get(1).distanceM()).isCloseTo(100, within(2.0));
    List<DeltaTime.Point> d = DeltaTime.curve(WARP, curve, null);
    assertThat(d.get(d.size() - 1).distanceM()).isCloseTo(5 * 41, within(3.0));
  }

  private static NewMarker marker(String name, double tRef, double tNew) {
    return new NewMarker(name, tRef, tNew, Double.isNaN(tNew) ? 0 : 0.9, false, "", "");
  }
}
