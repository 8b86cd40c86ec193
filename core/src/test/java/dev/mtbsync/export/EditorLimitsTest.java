package dev.mtbsync.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.markers.NewMarker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What editors cannot hold, read back from the files: timecode past 24 hours, two markers on one
 * frame, and the layout of Resolve's own marker EDL (issue 14).
 */
class EditorLimitsTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = ExportPreset.class,
      names = {"RESOLVE_EDL", "EDL", "AVID"})
  void aMarkerPast24HoursIsLeftOutAndReportedNotWrapped(ExportPreset preset) throws IOException {
    // at 84000 s (23:20:00) from a 01:00:00:00 start the timeline would read 24:20:00
    ExportResult r =
        export(preset, "01:00:00:00", marker("Early", 1.0), marker("Next day", 84000.0));
    assertThat(r.written()).isEqualTo(1);
    assertThat(r.skipped())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.name()).isEqualTo("Next day");
              assertThat(s.reason())
                  .isEqualTo(
                      "at 84000.000 s, its timeline timecode would pass 24:00:00:00 and wrap to"
                          + " 00:00:00:00 (the timeline starts at 01:00:00;00; give an earlier --start-tc)");
            });
    assertThat(r.problems()).containsExactly("left out Next day: " + r.skipped().get(0).reason());
    assertThat(timelineLabels(r)).containsExactly("01:00:01;00");
  }

  @Test
  void aStartNearMidnightPutsNoRecordBeforeIt() throws IOException {
    ExportResult r =
        export(
            ExportPreset.RESOLVE_EDL,
            "23:59:58:00",
            marker("In time", 1.0),
            marker("Last frame", 1.95),
            marker("Past midnight", 3.0));
    List<StrictEdl.Event> events = StrictEdl.read(read(r), 30, true).events();
    assertThat(events)
        .extracting(StrictEdl.Event::recIn)
        .containsExactly("23:59:59;00", "23:59:59;28");
    assertThat(events).allSatisfy(e -> assertThat(e.recIn()).isGreaterThanOrEqualTo("23:59:58;00"));
    // the last event ends on 23:59:59;29, the last label of the day
    assertThat(events.get(1).recOut()).isEqualTo("23:59:59;29");
    assertThat(r.skipped()).extracting(SkippedMarker::name).containsExactly("Past midnight");
  }

  @Test
  void theClipsOwnTimecodeLimitsThePlainEdlsSourceColumns() throws IOException {
    SourceClip clip = new SourceClip(Path.of("/m/GX.MP4"), 25, 60, 1500, 64, 48, "23:59:59:00");
    ExportResult r =
        MarkerExport.export(
            request(ExportPreset.EDL, null, FrameRate.FPS_25),
            List.of(marker("Before", 0.5), marker("After", 2.0)),
            clip);
    assertThat(r.skipped())
        .singleElement()
        .extracting(SkippedMarker::reason)
        .isEqualTo(
            "at 2.000 s, the clip's own timecode would pass 24:00:00:00 there and wrap to 00:00:00:00"
                + " (it starts at 23:59:59:00)");
    StrictEdl.Event only = StrictEdl.read(read(r), 25, false).events().get(0);
    assertThat(only.srcIn()).isEqualTo("23:59:59:13");
    ExportResult resolve =
        MarkerExport.export(
            request(ExportPreset.RESOLVE_EDL, null, FrameRate.FPS_25),
            List.of(marker("After", 2.0)),
            clip);
    assertThat(resolve.skipped()).as("Resolve's EDL writes no clip timecode").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = ExportPreset.class,
      names = {"RESOLVE_EDL", "EDL", "AVID"})
  void twoMarkersOnOneFrameBecomeOneAndTheJoinIsReported(ExportPreset preset) throws IOException {
    // 1.000 s and 1.010 s are both frame 30 at 29.97
    ExportResult r =
        export(
            preset,
            null,
            new NewMarker("Jump", 3, 1.0, 0.9, false, "green", "big air"),
            new NewMarker("Landing", 4, 1.01, 0.2, true, "", "steep"),
            marker("Later", 2.0));
    assertThat(r.written()).isEqualTo(2);
    assertThat(r.merged())
        .containsExactly(new MergedMarker("Landing", 1.01, "Jump", "01:00:01;00"));
    assertThat(r.problems())
        .containsExactly(
            "joined Landing to Jump at 01:00:01;00: both land on that frame, and "
                + preset.cliName()
                + " keeps one marker per frame");
    assertThat(timelineLabels(r)).containsExactly("01:00:01;00", "01:00:02;00");
    String text = read(r);
    if (preset == ExportPreset.EDL) {
      assertThat(text)
          .contains(
              "* LOC: 01:00:01;00 RED     Jump + Landing\r\n" + "* COMMENT: big air; steep\r\n");
    } else {
      // review at confidence 0.2 makes the joined marker red
      assertThat(text)
          .contains(
              preset == ExportPreset.AVID
                  ? "\tred\tJump + Landing - big air; steep\t"
                  : "\r\nbig air; steep |C:ResolveColorRed |M:Jump + Landing |D:1\r\n");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = ExportPreset.class,
      names = {"FCPXML", "PREMIERE", "CSV"})
  void formatsThatHoldSeveralMarkersOnAFrameKeepThemApart(ExportPreset preset) throws IOException {
    ExportResult r = export(preset, null, marker("Jump", 1.0), marker("Landing", 1.01));
    assertThat(r.written()).isEqualTo(2);
    assertThat(r.merged()).isEmpty();
    assertThat(read(r)).contains("Jump", "Landing");
  }

  @Test
  void resolvesEdlIsLaidOutAsResolveExportsIt() throws IOException {
    ExportResult r =
        export(ExportPreset.RESOLVE_EDL, "01:00:00:00", marker("Jump", 1.0), marker("Drop", 2.0));
    assertThat(read(r))
        .isEqualTo(
            "TITLE: limits\r\n"
                + "FCM: DROP FRAME\r\n"
                + "\r\n"
                + "001  001      V     C        01:00:01;00 01:00:01;01 01:00:01;00 01:00:01;01  \r\n"
                + " |C:ResolveColorBlue |M:Jump |D:1\r\n"
                + "\r\n"
                + "002  001      V     C        01:00:02;00 01:00:02;01 01:00:02;00 01:00:02;01  \r\n"
                + " |C:ResolveColorBlue |M:Drop |D:1\r\n"
                + "\r\n");
  }

  @Test
  void theStrictReaderRejectsOverlappingRecordsAndLfOnlyFiles() {
    String event =
        "001  001      V     C        01:00:01:00 01:00:01:01 01:00:01:00 01:00:01:01  \r\n"
            + " |C:ResolveColorBlue |M:A |D:1\r\n\r\n";
    String twice =
        "TITLE: t\r\nFCM: NON-DROP FRAME\r\n\r\n" + event + event.replace("001  ", "002  ");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> StrictEdl.read(twice, 25, true))
        .hasMessageContaining("overlapping record");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> StrictEdl.read(twice.replace("\r\n", "\n"), 25, true))
        .hasMessageContaining("CRLF");
  }

  /** Reads the timeline timecodes back from an EDL's record-in column or Avid's second field. */
  private List<String> timelineLabels(ExportResult r) throws IOException {
    String text = read(r);
    return switch (r.preset()) {
      case RESOLVE_EDL, EDL ->
          StrictEdl.read(text, 30, r.preset() == ExportPreset.RESOLVE_EDL).events().stream()
              .map(StrictEdl.Event::recIn)
              .toList();
      case AVID -> avidLabels(text);
      default -> throw new IllegalArgumentException(r.preset().toString());
    };
  }

  /** Media Composer's marker lines: six tab-separated fields, one marker per timecode. */
  private static List<String> avidLabels(String text) {
    List<String> labels = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String line : text.split("\n")) {
      String[] f = line.split("\t", -1);
      assertThat(f).as(line).hasSize(6);
      assertThat(f[1]).matches("\\d\\d:[0-5]\\d:[0-5]\\d;\\d\\d");
      assertThat(Integer.parseInt(f[1].substring(0, 2))).isLessThan(24);
      assertThat(seen.add(f[1])).as("one marker per frame: " + f[1]).isTrue();
      labels.add(f[1]);
    }
    return labels;
  }

  private ExportResult export(ExportPreset preset, String startTc, NewMarker... markers)
      throws IOException {
    return MarkerExport.export(
        request(preset, startTc, FrameRate.FPS_29_97), List.of(markers), null);
  }

  private ExportRequest request(ExportPreset preset, String startTc, FrameRate rate) {
    return new ExportRequest(
        dir.resolve("limits.csv"),
        preset,
        null,
        rate,
        null,
        startTc != null ? startTc : preset == ExportPreset.EDL ? "01:00:00:00" : null,
        "001",
        "limits",
        null,
        false);
  }

  private static String read(ExportResult r) throws IOException {
    return Files.readString(r.file(), StandardCharsets.UTF_8);
  }

  private static NewMarker marker(String name, double tNew) {
    return new NewMarker(name, tNew, tNew, 1, false, "", "");
  }
}
