package dev.mtbsync.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtbsync.markers.NewMarker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DefaultHandler2;

/**
 * The XML exports read back: valid against the format's DTD (bundled in test resources), every time
 * on a whole frame, and every name and note as it was.
 */
class XmlExportTest {

  private static final Pattern TIME = Pattern.compile("(\\d+)/(\\d+)s|0s");

  @TempDir Path dir;

  static List<FrameRate> rates() {
    return FrameRate.ALL;
  }

  @ParameterizedTest(name = "at {0}")
  @MethodSource("rates")
  void fcpxmlIsValidAgainstTheFcpxml110Dtd(FrameRate rate) throws Exception {
    ExportResult r = ExportFixture.export(dir, ExportPreset.FCPXML, ExportFixture.goPro(rate));
    validate(r.file(), "fcpxml", "/export/dtd/fcpxml-1.10-subset.dtd");
  }

  @ParameterizedTest(name = "at {0}")
  @MethodSource("rates")
  void premiereXmlIsValidAgainstTheXmemlDtd(FrameRate rate) throws Exception {
    ExportResult r = ExportFixture.export(dir, ExportPreset.PREMIERE, ExportFixture.goPro(rate));
    validate(r.file(), "xmeml", "/export/dtd/xmeml-5-subset.dtd");
  }

  @Test
  void theDtdCheckCatchesAnInvalidDocument() throws IOException {
    Path bad =
        Files.writeString(
            dir.resolve("bad.fcpxml"),
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fcpxml>\n<fcpxml version=\"1.10\"><library>"
                + "<event><project><sequence format=\"r1\"><spine><asset-clip ref=\"r2\">"
                + "<marker start=\"0s\"/></asset-clip></spine></sequence></project></event>"
                + "</library></fcpxml>");
    assertThatThrownBy(() -> validate(bad, "fcpxml", "/export/dtd/fcpxml-1.10-subset.dtd"))
        .isInstanceOf(SAXParseException.class)
        .hasMessageContaining("value");
  }

  @ParameterizedTest(name = "at {0}")
  @MethodSource("rates")
  void fcpxmlTimesAreWholeFramesFromTheClipsStartTimecode(FrameRate rate) throws Exception {
    SourceClip clip = ExportFixture.goPro(rate);
    ExportResult r = ExportFixture.export(dir, ExportPreset.FCPXML, clip);
    Document doc = parse(r.file());
    Element format = first(doc, "format");
    long[] frameDuration = time(format.getAttribute("frameDuration"));
    assertThat((double) frameDuration[0] / frameDuration[1]).isEqualTo(1.0 / rate.fps());
    Element asset = first(doc, "asset");
    long clipStart = frames(asset.getAttribute("start"), frameDuration);
    Timecode own = new Timecode(rate, rate.allowsDropFrame());
    assertThat(clipStart)
        .as("asset start is the clip's timecode")
        .isEqualTo(own.parse(clip.startTimecode()));
    assertThat(first(doc, "asset-clip").getAttribute("start"))
        .isEqualTo(asset.getAttribute("start"));
    List<Long> expected = new ArrayList<>();
    for (NewMarker m : ExportFixture.markers(dir)) {
      if (!Double.isNaN(m.tNew()) && m.tNew() < ExportFixture.CLIP_SEC) {
        expected.add(clipStart + rate.frameAt(m.tNew()));
      }
    }
    NodeList markers = doc.getElementsByTagName("marker");
    List<Long> starts = new ArrayList<>();
    for (int i = 0; i < markers.getLength(); i++) {
      Element m = (Element) markers.item(i);
      starts.add(frames(m.getAttribute("start"), frameDuration));
      assertThat(frames(m.getAttribute("duration"), frameDuration)).isEqualTo(1);
    }
    assertThat(starts).containsExactlyElementsOf(expected);
  }

  @Test
  void fcpxmlKeepsEveryNameAndNoteAsItWas() throws Exception {
    ExportResult r =
        ExportFixture.export(dir, ExportPreset.FCPXML, ExportFixture.goPro(FrameRate.FPS_25));
    NodeList markers = parse(r.file()).getElementsByTagName("marker");
    List<NewMarker> placed = placedFixture();
    assertThat(markers.getLength()).isEqualTo(placed.size());
    for (int i = 0; i < placed.size(); i++) {
      Element m = (Element) markers.item(i);
      assertThat(m.getAttribute("value")).isEqualTo(placed.get(i).name());
      assertThat(m.getAttribute("note")).isEqualTo(placed.get(i).comment());
      assertThat(m.getAttribute("completed")).isEqualTo(placed.get(i).needsReview() ? "0" : "");
    }
    assertThat(((Element) markers.item(5)).getAttribute("note")).contains("two\nlines");
  }

  @Test
  void premiereMarkersKeepTheirTextAndFrames() throws Exception {
    ExportResult r =
        ExportFixture.export(dir, ExportPreset.PREMIERE, ExportFixture.goPro(FrameRate.FPS_29_97));
    Document doc = parse(r.file());
    NodeList markers = doc.getElementsByTagName("marker");
    List<NewMarker> placed = placedFixture();
    for (int i = 0; i < placed.size(); i++) {
      Element m = (Element) markers.item(i);
      assertThat(text(m, "name")).isEqualTo(placed.get(i).name());
      assertThat(text(m, "comment")).isEqualTo(placed.get(i).comment());
      assertThat(Long.parseLong(text(m, "in")))
          .isEqualTo(FrameRate.FPS_29_97.frameAt(placed.get(i).tNew()));
      assertThat(text(m, "out")).isEqualTo("-1");
    }
    Element file = first(doc, "file");
    assertThat(text(file, "pathurl")).isEqualTo("file://localhost/media/GX010123.MP4");
    Element fileTc = (Element) file.getElementsByTagName("timecode").item(0);
    assertThat(text(fileTc, "string")).isEqualTo("19:26:48;04");
    assertThat(text(fileTc, "displayformat")).isEqualTo("DF");
    Element rate = first(doc, "rate");
    assertThat(text(rate, "timebase")).isEqualTo("30");
    assertThat(text(rate, "ntsc")).isEqualTo("TRUE");
  }

  @Test
  void twoHundredMarkersMakeValidDocuments() throws Exception {
    ExportResult fcp = EdlExportTest.export(dir, 200, ExportPreset.FCPXML);
    validate(fcp.file(), "fcpxml", "/export/dtd/fcpxml-1.10-subset.dtd");
    assertThat(parse(fcp.file()).getElementsByTagName("marker").getLength()).isEqualTo(200);
    ExportResult xmeml = EdlExportTest.export(dir, 200, ExportPreset.PREMIERE);
    validate(xmeml.file(), "xmeml", "/export/dtd/xmeml-5-subset.dtd");
  }

  @Test
  void withoutAVideoFcpxmlPutsTheMarkersOnAGapAndPointsAtNoMedia() throws Exception {
    ExportResult r = ExportFixture.export(dir, ExportPreset.FCPXML, null);
    validate(r.file(), "fcpxml", "/export/dtd/fcpxml-1.10-subset.dtd");
    Document doc = parse(r.file());
    assertThat(doc.getElementsByTagName("asset").getLength()).isZero();
    assertThat(doc.getElementsByTagName("media-rep").getLength()).isZero();
    assertThat(doc.getElementsByTagName("asset-clip").getLength()).isZero();
    Element gap = first(doc, "gap");
    assertThat(gap.getAttribute("offset")).isEqualTo("0s");
    long[] frameDuration = time(first(doc, "format").getAttribute("frameDuration"));
    NodeList markers = gap.getElementsByTagName("marker");
    List<Long> starts = new ArrayList<>();
    for (int i = 0; i < markers.getLength(); i++) {
      starts.add(frames(((Element) markers.item(i)).getAttribute("start"), frameDuration));
    }
    // no video: 29.97, counted from the gap's start; the marker at 700 s is no longer past an end
    assertThat(starts).startsWith(30L, 61L).endsWith(17982L, 20979L);
    assertThat(r.notes())
        .contains("no video known, so the markers sit on a gap, not on a clip (give --video)");
  }

  @Test
  void withoutAVideoPremiereXmlHasAnEmptyTrackAndTheSequenceMarkers() throws Exception {
    ExportResult r = ExportFixture.export(dir, ExportPreset.PREMIERE, null);
    validate(r.file(), "xmeml", "/export/dtd/xmeml-5-subset.dtd");
    Document doc = parse(r.file());
    assertThat(doc.getElementsByTagName("clipitem").getLength()).isZero();
    assertThat(doc.getElementsByTagName("pathurl").getLength()).isZero();
    assertThat(doc.getElementsByTagName("marker").getLength()).isEqualTo(8);
  }

  /** The fixture markers an export places, in frame order (the fixture is in time order). */
  private List<NewMarker> placedFixture() {
    return ExportFixture.markers(dir).stream()
        .filter(m -> !Double.isNaN(m.tNew()) && m.tNew() < ExportFixture.CLIP_SEC)
        .toList();
  }

  /**
   * Parses with a validating parser, the DTD supplied as the external subset of a document whose
   * {@code <!DOCTYPE>} names none (as Final Cut Pro writes it); any error fails.
   */
  static void validate(Path file, String root, String dtd) throws Exception {
    validate(file, root, XmlExportTest.class.getResource(dtd), true);
  }

  /**
   * The same with the DTD at {@code dtd}; {@code strict}: a warning (such as a content model naming
   * an element the DTD does not declare) fails too.
   */
  static void validate(Path file, String root, java.net.URL dtd, boolean strict) throws Exception {
    SAXParserFactory factory = SAXParserFactory.newInstance();
    factory.setValidating(true);
    XMLReader reader = factory.newSAXParser().getXMLReader();
    DefaultHandler2 handler =
        new DefaultHandler2() {
          @Override
          public InputSource getExternalSubset(String name, String baseUri) {
            if (!name.equals(root)) {
              return null;
            }
            try {
              InputSource source = new InputSource(dtd.openStream());
              source.setSystemId(dtd.toString());
              return source;
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }

          @Override
          public void error(SAXParseException e) throws SAXParseException {
            throw e;
          }

          @Override
          public void warning(SAXParseException e) throws SAXParseException {
            if (strict) {
              throw e;
            }
          }
        };
    reader.setEntityResolver(handler);
    reader.setErrorHandler(handler);
    reader.setContentHandler(handler);
    reader.parse(new InputSource(file.toUri().toString()));
  }

  static Document parse(Path file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }

  static Element first(Document doc, String tag) {
    return (Element) doc.getElementsByTagName(tag).item(0);
  }

  static String text(Element parent, String tag) {
    return parent.getElementsByTagName(tag).item(0).getTextContent();
  }

  /** An FCPXML time as numerator and denominator (0s as 0/1). */
  static long[] time(String value) {
    Matcher m = TIME.matcher(value);
    assertThat(m.matches()).as("FCPXML time '" + value + "'").isTrue();
    return m.group(1) == null
        ? new long[] {0, 1}
        : new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
  }

  /** A time as a whole number of frames; fails when it falls between frames. */
  static long frames(String value, long[] frameDuration) {
    long[] t = time(value);
    // t = n/d seconds; frames = t / (fn/fd) = n*fd / (d*fn), which must be whole
    long num = t[0] * frameDuration[1];
    long den = t[1] * frameDuration[0];
    assertThat(num % den).as(value + " is a whole number of frames").isZero();
    return num / den;
  }
}
