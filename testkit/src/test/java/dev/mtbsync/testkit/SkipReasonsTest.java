package dev.mtbsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SkipReasonsTest {

  @Test
  void anAssertjAssumptionGivesItsDescription() {
    assertThat(
            SkipReasons.firstLine(
                "assumption was not met due to: [real footage is in ../shared/data] \n"
                    + "Expecting value to be true but was false"))
        .isEqualTo("real footage is in ../shared/data");
  }

  @Test
  void aJunitAssumptionGivesItsMessage() {
    assertThat(SkipReasons.firstLine("Assumption failed: no fonts here"))
        .isEqualTo("no fonts here");
  }

  @Test
  void noReasonSaysSo() {
    assertThat(SkipReasons.firstLine(null)).isEqualTo("no reason given");
    assertThat(SkipReasons.firstLine("  ")).isEqualTo("no reason given");
  }
}
