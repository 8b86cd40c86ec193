package dev.mtbsync.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mtbsync.align.Anchor;
import dev.mtbsync.markers.NewMarker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** placements.csv, and which placements a refit through pins keeps. */
class PlacementsCsvTest {

  @TempDir Path dir;

  private static final PlacementsCsv.Placement GATE =
      new PlacementsCsv.Placement("Gate, \"top\"", 12.5, 14.25, 0.008);

  @Test
  void placementsRoundTrip() throws IOException {
    Path f = dir.resolve(PlacementsCsv.FILE);
    PlacementsCsv.write(f, List.of(GATE));
    assertThat(PlacementsCsv.read(f)).containsExactly(GATE);
    assertThat(PlacementsCsv.read(dir.resolve("absent.csv"))).as("an older run").isEmpty();
  }

  @Test
  void aBadRowIsNamedWithItsFileAndLine() throws IOException {
    Path f = dir.resolve(PlacementsCsv.FILE);
    Files.writeString(f, "name,t_ref,t_new,error_sec\nA,1.0,soon,0.01\n");
    assertThatThrownBy(() -> PlacementsCsv.read(f))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(f + ":2: expected name,t_ref,t_new,error_sec");
  }

  private static NewMarker fromWarp(double tNew) {
    return new NewMarker(
        GATE.name(), GATE.tRef(), tNew, tNew - 0.1, tNew + 0.1, 0.9, true, "", "review: wide");
  }

  @Test
  void aRefitKeepsAPlacementAwayFromPinsAndNearItsNewWarp() {
    List<NewMarker> kept =
        RunRefit.keepPlacements(
            List.of(fromWarp(14.32)),
            null,
            List.of(GATE),
            List.of(new Anchor(3, 2, "")),
            0.6,
            1 / 30.0);
    NewMarker m = kept.get(0);
    assertThat(m.tNew()).isEqualTo(14.25);
    assertThat(m.tNewHi() - m.tNewLo())
        .isCloseTo(2 * Math.hypot(1.645 * 0.008, 0.5 / 30), within(1e-9));
    assertThat(m.needsReview()).as("under 3 frames wide").isFalse();
    assertThat(m.comment()).isEmpty();
  }

  @Test
  void nearAPinFarFromTheNewWarpOrWhereThePinsCorrectedTheWarpTheWarpRules() {
    List<NewMarker> pinned =
        RunRefit.keepPlacements(
            List.of(fromWarp(14.32)),
            null,
            List.of(GATE),
            List.of(new Anchor(14.4, 12.6, "mine")),
            0.6,
            1 / 30.0);
    assertThat(pinned.get(0).tNew()).isEqualTo(14.32);
    List<NewMarker> moved =
        RunRefit.keepPlacements(
            List.of(fromWarp(15.0)), null, List.of(GATE), List.of(), 0.6, 1 / 30.0);
    assertThat(moved.get(0).tNew()).isEqualTo(15.0);
    // the sync's warp put it at 14.70 +- 0.1 s: pins that moved it to 14.32 corrected the stretch
    List<NewMarker> corrected =
        RunRefit.keepPlacements(
            List.of(fromWarp(14.32)),
            List.of(fromWarp(14.70)),
            List.of(GATE),
            List.of(),
            0.6,
            1 / 30.0);
    assertThat(corrected.get(0).tNew()).isEqualTo(14.32);
    assertThat(moved.get(0).tNew()).isEqualTo(15.0);
  }
}
