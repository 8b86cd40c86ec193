package dev.mtbsync.export;

import static dev.mtbsync.export.XmlExportTest.first;
import static dev.mtbsync.export.XmlExportTest.frames;
import static dev.mtbsync.export.XmlExportTest.parse;
import static dev.mtbsync.export.XmlExportTest.text;
import static dev.mtbsync.export.XmlExportTest.time;
import static dev.mtbsync.export.XmlExportTest.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mtbsync.markers.NewMarker;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A 29.97 GoPro clip whose timecode starts at 19:26:48:04 exported onto timelines at other rates
 * ({@code --fps}): the media keeps its own rate and timecode in every format, only the timeline
 * runs at {@code --fps} (issue 14, defect 5). Read back with the DTD-validating XML reader and the
 * strict CMX3600 reader, apart from the writers' code.
 */
class MixedRateExportTest {

  private static final Path KARMA = Path.of("../../shared/data/video/gpmf-parser_karma.mp4");

  /** The camera's start timecode, as GoPro writes it (non-drop-frame) and FFmpeg reports it. */
  private static final String CAMERA_TC = "19:26:48:04";

  /** 19:26:48:04 counted at 30 labels a second: ((19 * 60 + 26) * 60 + 48) * 30 + 4. */
  private static final long CAMERA_FRAME = 2100244;

  @TempDir Path dir;

  /**
   * 23.976, 25, 29.97 and 59.94, the last two with drop-frame labels (the camera's are non-drop, so
   * at 29.97 only the labels differ).
   */
  static List<FrameRate> timelineRates() {
    return List.of(
        FrameRate.FPS_23_976, FrameRate.FPS_25, FrameRate.FPS_29_97, FrameRate.FPS_59_94);
  }

  /** 12 s of 29.97 GoPro footage with its sound, as the Karma sample is. */
  private static SourceClip goPro() {
    return new SourceClip(
        Path.of("/media/GX010123.MP4"),
        FrameRate.FPS_29_97.fps(),
        12.0787,
        362,
        854,
        480,
        CAMERA_TC,
        2,
        48000);
  }

  private static final List<NewMarker> MARKERS =
      List.of(
          new NewMarker("Drop in", 1, 0.5, 0.9, false, "green", "first gate"),
          new NewMarker("Berm", 2, 3.337, 0.9, false, "red", ""),
          new NewMarker("Last frame", 3, FrameRate.FPS_29_97.secondsOf(361), 0.9, false, "", ""));

  private ExportResult export(ExportPreset preset, FrameRate fps, SourceClip clip)
      throws IOException {
    Path csv = dir.resolve("new_markers.csv");
    Files.writeString(csv, "name,t_new\nx,1\n");
    ExportRequest req =
        new ExportRequest(
            csv,
            preset,
            dir.resolve(fps.label() + preset.suffix()),
            fps,
            fps.allowsDropFrame(),
            null,
            ExportRequest.DEFAULT_REEL,
            null,
            null,
            false);
    return MarkerExport.export(req, MARKERS, clip);
  }

  @ParameterizedTest(name = "on a {0} timeline")
  @MethodSource("timelineRates")
  void fcpxmlDescribesTheAssetAtItsOwnRateAndTimecode(FrameRate fps) throws Exception {
    ExportResult r = export(ExportPreset.FCPXML, fps, goPro());
    assertThat(r.clipStart()).isEqualTo(CAMERA_TC);
    assertThat(r.written()).as("the marker on the clip's last frame too").isEqualTo(3);
    validate(r.file(), "fcpxml", "/export/dtd/fcpxml-1.10-subset.dtd");
    checkFcpxml(parse(r.file()), fps, MARKERS);
  }

  @ParameterizedTest(name = "on a {0} timeline")
  @MethodSource("timelineRates")
  void premiereXmlKeepsTheFilesRateAndTimecode(FrameRate fps) throws Exception {
    ExportResult r = export(ExportPreset.PREMIERE, fps, goPro());
    validate(r.file(), "xmeml", "/export/dtd/xmeml-5-subset.dtd");
    checkXmeml(parse(r.file()), fps, 362);
  }

  @ParameterizedTest(name = "on a {0} timeline")
  @MethodSource("timelineRates")
  void edlSourceColumnsCarryTheCamerasTimecodeAtItsRate(FrameRate fps) throws IOException {
    ExportResult r = export(ExportPreset.EDL, fps, goPro());
    checkEdl(Files.readString(r.file()), fps, MARKERS);
  }

  @ParameterizedTest(name = "on a {0} timeline")
  @MethodSource("timelineRates")
  void edlSectorsLastAsLongOnTheSourceSideAtTheClipsRate(FrameRate fps) throws IOException {
    Path csv = Files.writeString(dir.resolve("new_markers.csv"), "name,t_new\nx,1\n");
    ExportRequest req =
        new ExportRequest(
                csv,
                ExportPreset.EDL,
                null,
                fps,
                null,
                null,
                ExportRequest.DEFAULT_REEL,
                null,
                null,
                false)
            .withMarkerKinds(true, false);
    ExportResult r = MarkerExport.export(req, MARKERS, goPro());
    List<StrictEdl.Event> events =
        StrictEdl.read(Files.readString(r.file()), fps, false, FrameRate.FPS_29_97, false).events();
    StrictEdl.Event first = events.get(0);
    assertThat(first.recOut()).isEqualTo(events.get(1).recIn());
    long sourceSpan =
        StrictEdl.frames(first.srcOut(), 30, false) - StrictEdl.frames(first.srcIn(), 30, false);
    // 0.5 s to 3.337 s: the record span in the clip's frames, within one
    assertThat(sourceSpan).isBetween(84L, 86L);
  }

  @ParameterizedTest(name = "on a {0} timeline")
  @MethodSource("timelineRates")
  void realGoProFootageKeepsItsTimecodeAndSoundOnEveryTimeline(FrameRate fps) throws Exception {
    assumeThat(Files.exists(KARMA))
        .as("real footage is in ../shared/data (absent here, so this test is skipped)")
        .isTrue();
    SourceClip karma = ClipProbe.probe(KARMA);
    assertThat(karma.startTimecode()).isEqualTo(CAMERA_TC);
    assertThat(karma.audioChannels()).isEqualTo(2);
    assertThat(karma.audioSampleRate()).isEqualTo(48000);

    ExportResult fcp = export(ExportPreset.FCPXML, fps, karma);
    validate(fcp.file(), "fcpxml", "/export/dtd/fcpxml-1.10-subset.dtd");
    Document doc = parse(fcp.file());
    checkFcpxml(doc, fps, MARKERS);
    Element asset = first(doc, "asset");
    assertThat(asset.getAttribute("hasAudio")).isEqualTo("1");
    assertThat(asset.getAttribute("audioChannels")).isEqualTo("2");
    assertThat(asset.getAttribute("audioRate")).isEqualTo("48000");

    ExportResult xml = export(ExportPreset.PREMIERE, fps, karma);
    validate(xml.file(), "xmeml", "/export/dtd/xmeml-5-subset.dtd");
    Document xmeml = parse(xml.file());
    checkXmeml(xmeml, fps, 362);
    Element sequence = first(xmeml, "sequence");
    NodeList audio = xmeml.getElementsByTagName("audio");
    Element track = null;
    for (int i = 0; i < audio.getLength(); i++) {
      if (audio.item(i).getParentNode().getParentNode() == sequence) {
        track = (Element) audio.item(i);
      }
    }
    assertThat(track).as("the sound on an audio track of the sequence").isNotNull();
    assertThat(text(track, "mediatype")).isEqualTo("audio");
    Element sound = (Element) first(xmeml, "file").getElementsByTagName("audio").item(0);
    assertThat(text(sound, "samplerate")).isEqualTo("48000");
    assertThat(text(sound, "channelcount")).isEqualTo("2");

    checkEdl(Files.readString(export(ExportPreset.EDL, fps, karma).file()), fps, MARKERS);
  }

  /**
   * The asset at 29.97 starting at the camera's timecode; the sequence and the clip's place at
   * {@code fps}; each marker on the timeline frame nearest its time, counted from the asset's
   * start.
   */
  private static void checkFcpxml(Document doc, FrameRate fps, List<NewMarker> markers) {
    Element sequence = first(doc, "sequence");
    long[] timeline = frameDuration(doc, sequence.getAttribute("format"));
    assertThat((double) timeline[0] / timeline[1]).isEqualTo(1 / fps.fps());
    Element asset = first(doc, "asset");
    long[] own = frameDuration(doc, asset.getAttribute("format"));
    assertThat(own)
        .as("the asset's format is the clip's: 1001/30000s")
        .containsExactly(1001, 30000);
    assertThat(frames(asset.getAttribute("start"), own)).isEqualTo(CAMERA_FRAME);
    assertThat(frames(asset.getAttribute("duration"), own)).isEqualTo(362);
    Element clip = first(doc, "asset-clip");
    assertThat(clip.getAttribute("start")).isEqualTo(asset.getAttribute("start"));
    assertThat(clip.getAttribute("tcFormat")).isEqualTo("NDF");
    frames(clip.getAttribute("offset"), timeline);
    frames(clip.getAttribute("duration"), timeline);
    long[] start = time(asset.getAttribute("start"));
    NodeList placed = clip.getElementsByTagName("marker");
    assertThat(placed.getLength()).isEqualTo(markers.size());
    for (int i = 0; i < placed.getLength(); i++) {
      long[] t = time(((Element) placed.item(i)).getAttribute("start"));
      // marker - asset start, in timeline frames: n1/d1 - n2/d2 over one frame duration
      BigInteger num =
          big(t[0])
              .multiply(big(start[1]))
              .subtract(big(start[0]).multiply(big(t[1])))
              .multiply(big(timeline[1]));
      BigInteger den = big(t[1]).multiply(big(start[1])).multiply(big(timeline[0]));
      BigInteger[] whole = num.divideAndRemainder(den);
      assertThat(whole[1]).as("marker %d on a whole timeline frame", i).isZero();
      long frame = whole[0].longValueExact();
      assertThat(frame).isEqualTo(Math.min(fps.frameAt(markers.get(i).tNew()), lastFrame(fps)));
      assertThat(Math.abs(fps.secondsOf(frame) - markers.get(i).tNew()))
          .isLessThanOrEqualTo(0.5 / fps.fps() + 1e-9);
    }
  }

  /** The last timeline frame that shows some of the 362-frame clip. */
  private static long lastFrame(FrameRate fps) {
    return goPro().framesAt(fps) - 1;
  }

  private static void checkXmeml(Document doc, FrameRate fps, long clipFrames) {
    Element sequence = first(doc, "sequence");
    Element sequenceRate = (Element) sequence.getElementsByTagName("rate").item(0);
    assertThat(text(sequenceRate, "timebase")).isEqualTo(Integer.toString(fps.timebase()));
    assertThat(text(sequenceRate, "ntsc")).isEqualTo(fps.ntsc() ? "TRUE" : "FALSE");
    Element file = first(doc, "file");
    Element fileRate = (Element) file.getElementsByTagName("rate").item(0);
    assertThat(text(fileRate, "timebase")).isEqualTo("30");
    assertThat(text(fileRate, "ntsc")).isEqualTo("TRUE");
    assertThat(text(file, "duration")).isEqualTo(Long.toString(clipFrames));
    Element tc = (Element) file.getElementsByTagName("timecode").item(0);
    assertThat(text(tc, "string")).isEqualTo(CAMERA_TC);
    assertThat(text(tc, "frame")).isEqualTo(Long.toString(CAMERA_FRAME));
    assertThat(text(tc, "displayformat")).isEqualTo("NDF");
  }

  /**
   * Record columns at {@code fps}, source columns at 29.97 non-drop from the camera's timecode,
   * each within half a clip frame of the marker's time.
   */
  private static void checkEdl(String text, FrameRate fps, List<NewMarker> markers) {
    StrictEdl.Edl edl = StrictEdl.read(text, fps, false, FrameRate.FPS_29_97, false);
    assertThat(edl.dropFrame()).isEqualTo(fps.allowsDropFrame());
    assertThat(edl.events()).hasSize(markers.size());
    for (int i = 0; i < markers.size(); i++) {
      StrictEdl.Event e = edl.events().get(i);
      long source = StrictEdl.frames(e.srcIn(), 30, false) - CAMERA_FRAME;
      assertThat(Math.abs(FrameRate.FPS_29_97.secondsOf(source) - markers.get(i).tNew()))
          .as("event %d source in %s", i + 1, e.srcIn())
          .isLessThanOrEqualTo(0.5 / FrameRate.FPS_29_97.fps() + 1e-9);
      long record = StrictEdl.frames(e.recIn(), fps.timebase(), edl.dropFrame());
      assertThat(record).isEqualTo(Math.min(fps.frameAt(markers.get(i).tNew()), lastFrame(fps)));
    }
    assertThat(edl.events().get(0).srcIn()).isEqualTo("19:26:48:19");
  }

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  private static long[] frameDuration(Document doc, String formatId) {
    NodeList formats = doc.getElementsByTagName("format");
    for (int i = 0; i < formats.getLength(); i++) {
      Element f = (Element) formats.item(i);
      if (f.getAttribute("id").equals(formatId)) {
        return time(f.getAttribute("frameDuration"));
      }
    }
    throw new AssertionError("no format " + formatId);
  }
}
