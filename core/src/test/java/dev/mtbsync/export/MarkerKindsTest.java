package dev.mtbsync.export;

import static dev.mtbsync.export.XmlExportTest.first;
import static dev.mtbsync.export.XmlExportTest.frames;
import static dev.mtbsync.export.XmlExportTest.parse;
import static dev.mtbsync.export.XmlExportTest.text;
import static dev.mtbsync.export.XmlExportTest.time;
import static dev.mtbsync.export.XmlExportTest.validate;
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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Range markers (sectors, gate to gate), FCPXML chapter markers and Premiere's marker colours, each
 * read back by a reader apart from the writers: the DTD-validating XML reader and the strict
 * CMX3600 reader.
 */
class MarkerKindsTest {

  /** Gates at 1, 2.5 and 4 s on a 25 fps clip; two markers share the second gate's frame. */
  private static final List<NewMarker> GATES =
      List.of(
          new NewMarker("Start", 0, 1.0, 0.9, false, "green", "gate A"),
          new NewMarker("Split", 0, 2.5, 0.9, false, "blue", ""),
          new NewMarker("Split photo", 0, 2.51, 0.9, false, "", ""),
          new NewMarker("Finish", 0, 4.0, 0.9, false, "red", "gate C"));

  /** Frames at 25 fps: 25, 62/63 (2.5 s and 2.51 s), 100. */
  private static final SourceClip CLIP =
      new SourceClip(Path.of("/media/run.mp4"), 25, 10, 250, 640, 360, null);

  @TempDir Path dir;

  private ExportResult export(ExportPreset preset, boolean sectors, boolean chapters)
      throws IOException {
    Path csv = Files.writeString(dir.resolve("new_markers.csv"), "name,t_new\nx,1\n");
    ExportRequest req =
        ExportRequest.of(csv, preset).withVideo(CLIP.file()).withMarkerKinds(sectors, chapters);
    return MarkerExport.export(req, GATES, CLIP);
  }

  @Test
  void sectorsRunFromEachGateToTheNextInFcpxml() throws Exception {
    ExportResult r = export(ExportPreset.FCPXML, true, false);
    validate(r.file(), "fcpxml", "/export/dtd/fcpxml-1.10-subset.dtd");
    Document doc = parse(r.file());
    long[] frame = time(first(doc, "format").getAttribute("frameDuration"));
    NodeList markers = doc.getElementsByTagName("marker");
    List<Long> durations = new ArrayList<>();
    for (int i = 0; i < markers.getLength(); i++) {
      durations.add(frames(((Element) markers.item(i)).getAttribute("duration"), frame));
    }
    // 2.5 s and 2.51 s land on frames 63 and 63 (62.5 rounds up, 62.75 too): both run to 100
    assertThat(durations).containsExactly(38L, 37L, 37L, 1L);
  }

  @Test
  void sectorsAreInAndOutInPremiereXml() throws Exception {
    ExportResult r = export(ExportPreset.PREMIERE, true, false);
    validate(r.file(), "xmeml", "/export/dtd/xmeml-5-subset.dtd");
    NodeList markers = parse(r.file()).getElementsByTagName("marker");
    List<String> spans = new ArrayList<>();
    for (int i = 0; i < markers.getLength(); i++) {
      Element m = (Element) markers.item(i);
      spans.add(text(m, "in") + "-" + text(m, "out"));
    }
    assertThat(spans).containsExactly("25-63", "63-100", "63-100", "100--1");
  }

  @Test
  void sectorsInEdlsAreEventsThatMeetAndResolveDurations() throws IOException {
    ExportResult resolve = export(ExportPreset.RESOLVE_EDL, true, false);
    List<StrictEdl.Event> events =
        StrictEdl.read(Files.readString(resolve.file()), 25, true).events();
    assertThat(events)
        .extracting(e -> e.recIn() + " " + e.recOut())
        .containsExactly(
            "01:00:01:00 01:00:02:13", "01:00:02:13 01:00:04:00", "01:00:04:00 01:00:04:01");
    assertThat(events)
        .extracting(e -> StrictEdl.resolveFields(e.notes().get(0))[2])
        .containsExactly("38", "37", "1");
    assertThat(resolve.merged()).extracting(MergedMarker::name).containsExactly("Split photo");

    ExportResult plain = export(ExportPreset.EDL, true, false);
    assertThat(StrictEdl.read(Files.readString(plain.file()), 25, false).events())
        .extracting(e -> e.srcIn() + " " + e.srcOut())
        .containsExactly(
            "00:00:01:00 00:00:02:13", "00:00:02:13 00:00:04:00", "00:00:04:00 00:00:04:01");
  }

  @Test
  void sectorsAreDurationsInAvidsMarkerText() throws IOException {
    ExportResult r = export(ExportPreset.AVID, true, false);
    assertThat(Files.readAllLines(r.file()))
        .extracting(line -> line.split("\t")[1] + " " + line.split("\t")[5])
        .containsExactly("01:00:01:00 38", "01:00:02:13 37", "01:00:04:00 1");
  }

  @Test
  void theCsvHasNoRangesAndSaysSo() throws IOException {
    ExportResult r = export(ExportPreset.CSV, true, false);
    assertThat(r.notes())
        .contains("csv has no range markers, so the sectors are written as points");
  }

  @Test
  void withoutSectorsEveryMarkerIsAPoint() throws Exception {
    Document doc = parse(export(ExportPreset.FCPXML, false, false).file());
    NodeList markers = doc.getElementsByTagName("marker");
    for (int i = 0; i < markers.getLength(); i++) {
      assertThat(((Element) markers.item(i)).getAttribute("duration")).isEqualTo("100/2500s");
    }
  }

  @Test
  void chaptersAreFcpxmlChapterMarkersWithTheirNotes() throws Exception {
    ExportResult r = export(ExportPreset.FCPXML, false, true);
    validate(r.file(), "fcpxml", "/export/dtd/fcpxml-1.10-subset.dtd");
    Document doc = parse(r.file());
    assertThat(doc.getElementsByTagName("marker").getLength()).isZero();
    NodeList chapters = doc.getElementsByTagName("chapter-marker");
    assertThat(chapters.getLength()).isEqualTo(4);
    Element first = (Element) chapters.item(0);
    assertThat(first.getAttribute("value")).isEqualTo("Start");
    assertThat(first.getAttribute("note")).isEqualTo("gate A");
    assertThat(first.getAttribute("start")).isEqualTo(25 * 100 + "/2500s");
  }

  @Test
  void chaptersAreRefusedForFormatsWithoutThem() throws IOException {
    Path csv = Files.writeString(dir.resolve("new_markers.csv"), "name,t_new\nx,1\n");
    ExportRequest req =
        ExportRequest.of(csv, ExportPreset.RESOLVE_EDL).withMarkerKinds(false, true);
    assertThatThrownBy(req::validate)
        .hasMessage(
            "chapter markers are an FCPXML feature; use them with the fcpxml preset, not"
                + " resolve-edl");
  }

  @Test
  void premiereMarkerColoursDecodeToTheMarkersHue() throws Exception {
    ExportResult r = export(ExportPreset.PREMIERE, false, false);
    NodeList markers = parse(r.file()).getElementsByTagName("marker");
    List<String> hues = new ArrayList<>();
    for (int i = 0; i < markers.getLength(); i++) {
      hues.add(hue(Long.parseLong(text((Element) markers.item(i), "pproColor"))));
    }
    // green, blue, blue (no colour: the editors' default), red
    assertThat(hues).containsExactly("green", "blue", "blue", "red");
  }

  @Test
  void everyPremiereColourIsOneOfItsEightAndDecodesToItsName() {
    assertThat(MarkerColours.PREMIERE).hasSize(8);
    MarkerColours.PREMIERE.forEach(
        (name, value) -> assertThat(hue(value)).as(name + " " + value).isEqualTo(name));
  }

  /**
   * The hue of a {@code pproColor}, decoded as Premiere writes it: alpha, blue, green, red from the
   * top byte down.
   */
  private static String hue(long abgr) {
    assertThat(abgr >>> 24).as("opaque").isEqualTo(0xFF);
    int r = (int) (abgr & 0xFF);
    int g = (int) (abgr >> 8 & 0xFF);
    int b = (int) (abgr >> 16 & 0xFF);
    if (r > 0xF0 && g > 0xF0 && b > 0xF0) {
      return "white";
    }
    if (r > g && r > b) {
      return g > b + 0x30 ? (g > 0x90 ? "yellow" : "orange") : b > g + 0x30 ? "purple" : "red";
    }
    if (g > r && g > b) {
      return b > r + 0x30 ? "cyan" : "green";
    }
    return r > g ? "purple" : "blue";
  }
}
