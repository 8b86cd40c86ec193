package dev.mtbsync.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtbsync.markers.NewMarker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EdlExportTest {

  @TempDir Path dir;

  static List<FrameRate> rates() {
    return FrameRate.ALL;
  }

  @ParameterizedTest(name = "at {0}")
  @MethodSource("rates")
  void resolveEdlPassesTheStrictReaderAtEveryRate(FrameRate rate) throws IOException {
    ExportResult r = ExportFixture.export(dir, ExportPreset.RESOLVE_EDL, ExportFixture.goPro(rate));
    StrictEdl.Edl edl = StrictEdl.read(Files.readString(r.file()), rate.timebase(), true);
    assertThat(edl.dropFrame()).isEqualTo(rate.allowsDropFrame());
    assertThat(edl.title()).isEqualTo("GX010123");
    assertThat(edl.events()).hasSize(7);
    StrictEdl.Event first = edl.events().get(0);
    assertThat(first.reel()).isEqualTo("001");
    assertThat(first.recIn()).as("Resolve timelines start at one hour").startsWith("01:00:01");
    assertThat(first.srcIn()).as("Resolve repeats the record timecode").isEqualTo(first.recIn());
  }

  @ParameterizedTest(name = "at {0}")
  @MethodSource("rates")
  void plainEdlPassesTheStrictReaderAtEveryRate(FrameRate rate) throws IOException {
    ExportResult r = ExportFixture.export(dir, ExportPreset.EDL, ExportFixture.goPro(rate));
    StrictEdl.Edl edl = StrictEdl.read(Files.readString(r.file()), rate.timebase(), false);
    assertThat(edl.events()).hasSize(7);
    assertThat(edl.events().get(0).recIn()).startsWith("00:00:01");
    assertThat(edl.events().get(0).srcIn()).as("the clip's own timecode").startsWith("19:26:49");
    assertThat(edl.events().get(1).notes())
        .containsExactly(
            "* FROM CLIP NAME: GX010123",
            "* LOC: " + edl.events().get(1).recIn() + " MAGENTA Gap, big",
            "* COMMENT: left, then \"drop\"");
  }

  @Test
  void resolveMarkerLinesCarryColourNameAndNoteAsOneLineOfAsciiText() throws IOException {
    ExportResult r =
        ExportFixture.export(
            dir, ExportPreset.RESOLVE_EDL, ExportFixture.goPro(FrameRate.FPS_29_97));
    List<String[]> fields =
        StrictEdl.read(Files.readString(r.file()), 30, true).events().stream()
            .map(e -> StrictEdl.resolveFields(e.notes().get(0)))
            .toList();
    assertThat(fields)
        .extracting(f -> f[0] + " | " + f[1] + " | " + f[2] + " | " + f[3])
        .containsExactly(
            "Green | Jump 1 | 1 | ",
            "Fuchsia | Gap, big | 1 | left, then \"drop\"",
            "Sand | Rock / garden | 1 | pipe / in the name",
            "Blue | Sprunge uber Wurzeln | 1 | Umlaut, ? and ?",
            "Yellow | _3rd berm | 1 | review: low confidence",
            "Red | Root drop | 1 | two lines (review: low confidence)",
            "Cream | Ten minutes | 1 | tab inside");
  }

  @Test
  void dropFrameEventsStepOverTheSkippedLabels() throws IOException {
    ExportResult r =
        ExportFixture.export(dir, ExportPreset.EDL, ExportFixture.goPro(FrameRate.FPS_29_97));
    List<StrictEdl.Event> events = StrictEdl.read(Files.readString(r.file()), 30, false).events();
    // frames 1797, 1800 and 17982 of the clip: either side of the first minute, and the tenth
    assertThat(events.get(4).recIn()).isEqualTo("00:00:59;27");
    assertThat(events.get(5).recIn()).isEqualTo("00:01:00;02");
    assertThat(events.get(6).recIn()).isEqualTo("00:10:00;00");
    assertThat(events.get(6).recOut()).isEqualTo("00:10:00;01");
  }

  @Test
  void twoHundredMarkersMakeTwoHundredWellFormedEvents() throws IOException {
    ExportResult r = export(dir, 200, ExportPreset.RESOLVE_EDL);
    assertThat(r.written()).isEqualTo(200);
    assertThat(StrictEdl.read(Files.readString(r.file()), 30, true).events()).hasSize(200);
  }

  @Test
  void markersBeyondTheThreeDigitEventNumbersAreReportedNotWritten() throws IOException {
    ExportResult r = export(dir, 1001, ExportPreset.EDL);
    assertThat(r.written()).isEqualTo(999);
    assertThat(r.skipped())
        .allSatisfy(s -> assertThat(s.reason()).isEqualTo("the format holds at most 999 markers"))
        .extracting(SkippedMarker::name)
        .containsExactly("Root drop 999", "Ten minutes 1000");
    assertThat(StrictEdl.read(Files.readString(r.file()), 30, false).events()).hasSize(999);
  }

  @Test
  void aResolveNoteStartingWithADigitOrStarIsNotReadAsAnEventOrAComment() throws IOException {
    List<NewMarker> markers =
        List.of(
            new NewMarker("Berm", 1, 1.0, 0.9, false, "", "3 riders crashed here"),
            new NewMarker("Rock", 2, 2.0, 0.9, false, "", "*sharp* edge"));
    ExportRequest req =
        new ExportRequest(
            dir.resolve("new_markers.csv"),
            ExportPreset.RESOLVE_EDL,
            null,
            FrameRate.FPS_25,
            null,
            null,
            "001",
            null,
            null,
            false);
    ExportResult r = MarkerExport.export(req, markers, null);
    List<StrictEdl.Event> events = StrictEdl.read(Files.readString(r.file()), 25, true).events();
    assertThat(events)
        .extracting(e -> StrictEdl.resolveFields(e.notes().get(0))[3])
        .containsExactly("_3 riders crashed here", "_*sharp* edge");
    // as OpenTimelineIO's reader sees it: a stripped line starting with a digit is an event
    String unprefixed = Files.readString(r.file()).replace("_3 riders", "3 riders");
    assertThatThrownBy(() -> StrictEdl.read(unprefixed, 25, true))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("line 5 '3 riders crashed here");
  }

  /** Exports {@code n} markers a second apart, with the names and comments of the fixture. */
  static ExportResult export(Path dir, int n, ExportPreset preset) throws IOException {
    List<NewMarker> fixture = ExportFixture.markers(dir);
    List<NewMarker> many = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      NewMarker m = fixture.get(i % 7);
      many.add(
          new NewMarker(
              m.name() + " " + i,
              i + 3.0,
              i + 0.5,
              m.confidence(),
              m.needsReview(),
              m.colour(),
              m.comment()));
    }
    ExportRequest req =
        new ExportRequest(
            dir.resolve("new_markers.csv"),
            preset,
            dir.resolve("many" + preset.suffix()),
            FrameRate.FPS_29_97,
            null,
            null,
            "A001",
            "many",
            null,
            false);
    return MarkerExport.export(req, many, null);
  }
}
