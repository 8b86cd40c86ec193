package dev.mtbsync.gps;

import static dev.mtbsync.gps.TimeGapTest.gate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs of one reference sector by sector, from gates drawn with known sector times. */
class SectorTableTest {

  /** Three gates; the reference takes 10 s and 8 s for the two sectors. */
  static List<Splits.Gate> run(double berm, double stepDown) {
    return List.of(
        gate(1, "Start", Double.NaN, Double.NaN, 1, 1),
        gate(2, "Berm", 10, berm, 11, 1 + berm),
        gate(3, "Step-down", 8, stepDown, 19, 1 + berm + stepDown));
  }

  @Test
  void eachSectorsBestIsMarkedAndTheTheoreticalBestAddsThemUp() {
    Map<String, List<Splits.Gate>> runs = new LinkedHashMap<>();
    runs.put("a", run(9.6, 11.19)); // quick in the berm, slow down the step
    runs.put("b", run(10.4, 7.5)); // the other way round
    runs.put("c", List.of(gate(1, "Start", Double.NaN, Double.NaN, 1, 1))); // no sector
    SectorTable t = SectorTable.of(runs);

    assertThat(t.sectors())
        .extracting(SectorTable.Sector::label)
        .containsExactly("Start → Berm", "Berm → Step-down");
    assertThat(t.rows()).extracting(SectorTable.Row::id).containsExactly(null, "a", "b");
    assertThat(t.rows().get(0).sectorSec()).containsExactly(10, 8);
    assertThat(t.bestSec()).containsExactly(9.6, 7.5);
    assertThat(t.rows().get(1).isBest(t, 0)).isTrue();
    assertThat(t.rows().get(2).isBest(t, 1)).isTrue();
    assertThat(t.rows().get(0).isBest(t, 0)).isFalse();
    assertThat(t.theoreticalBestSec()).isCloseTo(17.1, within(1e-9));
    assertThat(t.rows().get(1).totalSec()).isCloseTo(20.79, within(1e-9));
  }

  @Test
  void aRunThatMissedAGateLinesUpOnTheSectorsItSharesAndTheBestSkipsTheRest() {
    Map<String, List<Splits.Gate>> runs = new LinkedHashMap<>();
    runs.put("a", run(9.6, 11.19));
    runs.put(
        "skipped-berm",
        List.of(
            gate(1, "Start", Double.NaN, Double.NaN, 1, 1), gate(2, "Step-down", 18, 17, 19, 18)));
    SectorTable t = SectorTable.of(runs);
    assertThat(t.sectors())
        .extracting(SectorTable.Sector::label)
        .containsExactly("Start → Berm", "Berm → Step-down", "Start → Step-down");
    assertThat(t.rows().get(2).totalSec()).isNaN();
    // no sector was timed by every row
    assertThat(t.theoreticalBestSec()).isNaN();
  }
}
