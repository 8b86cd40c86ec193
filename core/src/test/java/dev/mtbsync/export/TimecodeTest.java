package dev.mtbsync.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimecodeTest {

  private static final Timecode DF_2997 = new Timecode(FrameRate.FPS_29_97, true);
  private static final Timecode DF_5994 = new Timecode(FrameRate.FPS_59_94, true);

  @Test
  void dropFrameSkipsTwoLabelsAtAMinute() {
    long last = DF_2997.parse("00:00:59;29");
    assertThat(last).isEqualTo(1799);
    assertThat(DF_2997.format(last + 1)).isEqualTo("00:01:00;02");
    assertThat(DF_2997.parse("00:01:00;02")).isEqualTo(1800);
  }

  @Test
  void dropFrameKeepsEveryLabelAtTheTenthMinute() {
    long last = DF_2997.parse("00:09:59;29");
    assertThat(DF_2997.format(last + 1)).isEqualTo("00:10:00;00");
    assertThat(DF_2997.parse("00:10:00;00")).isEqualTo(17982);
    assertThat(DF_2997.format(17983)).isEqualTo("00:10:00;01");
    assertThat(DF_2997.format(17982 + 1800)).isEqualTo("00:11:00;02");
  }

  @Test
  void dropFrameAt5994SkipsFourLabels() {
    long last = DF_5994.parse("00:00:59;59");
    assertThat(last).isEqualTo(3599);
    assertThat(DF_5994.format(last + 1)).isEqualTo("00:01:00;04");
    assertThat(DF_5994.format(DF_5994.parse("00:09:59;59") + 1)).isEqualTo("00:10:00;00");
  }

  @Test
  void anHourOfDropFrameIsAnHourOfClockTimeToTheFrame() {
    // 01:00:00;00 is 107892 frames, 3599.9964 s: the label keeps up with the clock
    long hour = DF_2997.parse("01:00:00;00");
    assertThat(hour).isEqualTo(107892);
    assertThat(FrameRate.FPS_29_97.secondsOf(hour)).isCloseTo(3600, within(0.01));
  }

  @Test
  void labelsThatDropFrameSkipsDoNotExist() {
    assertThatThrownBy(() -> DF_2997.parse("00:01:00;00"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not exist in drop-frame");
    assertThatThrownBy(() -> DF_5994.parse("00:02:00;03"))
        .hasMessageContaining("does not exist in drop-frame");
  }

  @Test
  void dropFrameOnlyAtTheRatesThatHaveIt() {
    assertThatThrownBy(() -> new Timecode(FrameRate.FPS_25, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("drop-frame timecode exists only at 29.97 and 59.94 fps, not at 25 fps");
    assertThatThrownBy(() -> new Timecode(FrameRate.FPS_23_976, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badLabelsAreRefusedWithTheReason() {
    Timecode ndf25 = new Timecode(FrameRate.FPS_25, false);
    assertThatThrownBy(() -> ndf25.parse("1:00:00"))
        .hasMessage("timecode '1:00:00' is not HH:MM:SS:FF (HH:MM:SS;FF for drop-frame)");
    assertThatThrownBy(() -> ndf25.parse("00:00:00:25"))
        .hasMessage("timecode '00:00:00:25' is out of range at 25 fps (frames 00-24)");
    assertThatThrownBy(() -> ndf25.parse("24:00:00:00")).hasMessageContaining("out of range");
  }

  @Test
  void theSeparatorDoesNotChooseTheMode() {
    assertThat(DF_2997.parse("01:00:00:00")).isEqualTo(DF_2997.parse("01:00:00;00"));
    assertThat(Timecode.isDropFrameLabel("19:26:48;04")).isTrue();
    assertThat(Timecode.isDropFrameLabel("19:26:48:04")).isFalse();
  }

  @Test
  void labelsWrapAtTwentyFourHours() {
    Timecode ndf24 = new Timecode(FrameRate.FPS_24, false);
    assertThat(ndf24.framesPerDay()).isEqualTo(24L * 3600 * 24);
    assertThat(ndf24.format(ndf24.framesPerDay() + 5)).isEqualTo("00:00:00:05");
    assertThat(DF_2997.framesPerDay()).isEqualTo(2_589_408);
    assertThat(DF_2997.format(DF_2997.framesPerDay() - 1)).isEqualTo("23:59:59;29");
    assertThat(DF_2997.format(-1)).isEqualTo("23:59:59;29");
  }

  @Test
  void everyLabelMatchesAFrameCountEnumeratedIndependently() {
    for (FrameRate rate : FrameRate.ALL) {
      checkByEnumeration(new Timecode(rate, false));
      if (rate.allowsDropFrame()) {
        checkByEnumeration(new Timecode(rate, true));
      }
    }
  }

  /**
   * Walks the labels of the first two hours in order, skipping those drop-frame leaves out by the
   * rule as SMPTE states it (frames below 2 or 4 at second 0 of every minute not divisible by 10),
   * counting frames as it goes; each label must format from, and parse to, its count.
   */
  private static void checkByEnumeration(Timecode tc) {
    int base = tc.rate().timebase();
    int skipped = tc.dropFrame() ? (base == 30 ? 2 : 4) : 0;
    long frame = 0;
    for (int h = 0; h < 2; h++) {
      for (int m = 0; m < 60; m++) {
        for (int s = 0; s < 60; s++) {
          for (int f = 0; f < base; f++) {
            if (s == 0 && f < skipped && m % 10 != 0) {
              continue;
            }
            // every label is counted; a sample of them, and every minute's edges, are checked
            if (frame % 97 == 0 || (s == 0 && f < 6) || (s == 59 && f >= base - 2)) {
              String label =
                  String.format("%02d:%02d:%02d%c%02d", h, m, s, tc.dropFrame() ? ';' : ':', f);
              if (!tc.format(frame).equals(label) || tc.parse(label) != frame) {
                assertThat(tc.format(frame)).as(tc + " frame " + frame).isEqualTo(label);
                assertThat(tc.parse(label)).as(tc + " " + label).isEqualTo(frame);
              }
            }
            frame++;
          }
        }
      }
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
