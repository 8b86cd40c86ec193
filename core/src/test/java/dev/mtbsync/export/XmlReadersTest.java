package dev.mtbsync.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of XML export read back by readers the project did not write: libxml2's {@code
 * xmllint} validating against the test DTDs, and, when Apple's own FCPXML 1.10 DTD is at hand,
 * against that.
 *
 * <p>Apple's DTD is not kept in the project (it is Apple's, all rights reserved). Give its path as
 * {@code -Dmtbsync.fcpxmlDtd=/path/FCPXMLv1_10.dtd} or in {@code MTBSYNC_FCPXML_DTD}; public copies
 * sit in FCPXML tool repositories (e.g. CommandPost's {@code
 * src/extensions/cp/apple/fcpxml/dtd/FCPXMLv1_10.dtd}). Without it those tests are skipped with
 * that reason, as the xmllint ones are where xmllint is not installed.
 */
class XmlReadersTest {

  private static final String FCPXML_SUBSET = "/export/dtd/fcpxml-1.10-subset.dtd";
  private static final String XMEML_SUBSET = "/export/dtd/xmeml-5-subset.dtd";

  @TempDir Path dir;

  @Test
  void xmllintAcceptsEveryFcpxmlExportWithTheSubsetDtd() throws Exception {
    String xmllint = xmllint();
    Path dtd = resource(FCPXML_SUBSET);
    for (Path file : exports(ExportPreset.FCPXML)) {
      assertThat(run(xmllint, "--noout", "--dtdvalid", dtd.toString(), file.toString()))
          .as(file.getFileName().toString())
          .isEmpty();
    }
  }

  @Test
  void xmllintAcceptsEveryPremiereExportWithTheSubsetDtd() throws Exception {
    String xmllint = xmllint();
    Path dtd = resource(XMEML_SUBSET);
    for (Path file : exports(ExportPreset.PREMIERE)) {
      assertThat(run(xmllint, "--noout", "--dtdvalid", dtd.toString(), file.toString()))
          .as(file.getFileName().toString())
          .isEmpty();
    }
  }

  @Test
  void xmllintRejectsWhatTheSubsetDtdForbids() throws Exception {
    String xmllint = xmllint();
    Path bad =
        Files.writeString(
            dir.resolve("bad.fcpxml"),
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fcpxml>\n<fcpxml version=\"1.10\"><library>"
                + "<event><project><sequence format=\"r1\"><spine><gap duration=\"1s\">"
                + "<marker start=\"0s\"/></gap></spine></sequence></project></event>"
                + "</library></fcpxml>");
    assertThat(run(xmllint, "--noout", "--dtdvalid", resource(FCPXML_SUBSET).toString(), bad))
        .contains("value");
  }

  @Test
  void everyFcpxmlExportIsValidAgainstApplesDtd() throws Exception {
    Path apple = appleDtd();
    String xmllint = findXmllint();
    for (Path file : exports(ExportPreset.FCPXML)) {
      // Apple's content models name elements an excerpt of the DTD may leave out: not an error
      XmlExportTest.validate(file, "fcpxml", apple.toUri().toURL(), false);
      if (xmllint != null) {
        assertThat(run(xmllint, "--noout", "--dtdvalid", apple.toString(), file))
            .as(file.getFileName().toString())
            .isEmpty();
      }
    }
  }

  /**
   * The subset declares no attribute Apple does not, each with Apple's type, and requires every
   * attribute Apple requires on the elements it declares: so for attributes it accepts nothing
   * Apple's rejects. (Its content models are checked by validating every export against Apple's.)
   */
  @Test
  void theSubsetsAttributesAreApplesOwn() throws Exception {
    Map<String, Map<String, String[]>> apple = attributes(Files.readString(appleDtd()));
    String subsetText;
    try (InputStream in = XmlReadersTest.class.getResourceAsStream(FCPXML_SUBSET)) {
      subsetText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, Map<String, String[]>> subset = attributes(subsetText);
    assertThat(subset).isNotEmpty();
    subset.forEach(
        (element, attrs) -> {
          Map<String, String[]> theirs = apple.get(element);
          assertThat(theirs).as("Apple declares attributes of <%s>", element).isNotNull();
          attrs.forEach(
              (name, decl) -> {
                assertThat(theirs).as("Apple declares %s/@%s", element, name).containsKey(name);
                assertThat(decl[0]).as("%s/@%s type", element, name).isEqualTo(theirs.get(name)[0]);
              });
          theirs.forEach(
              (name, decl) -> {
                if (decl[1].equals("#REQUIRED")) {
                  assertThat(attrs.get(name))
                      .as("%s/@%s is required by Apple", element, name)
                      .isNotNull();
                  assertThat(attrs.get(name)[1]).isEqualTo("#REQUIRED");
                }
              });
        });
  }

  /** Every kind of export of one XML preset: rates, mixed rates, sound, sectors, chapters, none. */
  private List<Path> exports(ExportPreset preset) throws IOException {
    List<Path> files = new ArrayList<>();
    int n = 0;
    for (FrameRate rate : FrameRate.ALL) {
      Path sub = Files.createDirectories(dir.resolve("same-" + n++));
      files.add(ExportFixture.export(sub, preset, ExportFixture.goPro(rate)).file());
    }
    SourceClip withSound =
        new SourceClip(
            Path.of("/media/GX010123.MP4"),
            FrameRate.FPS_29_97.fps(),
            ExportFixture.CLIP_SEC,
            -1,
            3840,
            2160,
            ExportFixture.GOPRO_TC,
            2,
            48000);
    for (FrameRate fps : List.of(FrameRate.FPS_23_976, FrameRate.FPS_25, FrameRate.FPS_59_94)) {
      for (boolean sectors : new boolean[] {false, true}) {
        boolean chapters = preset == ExportPreset.FCPXML && sectors;
        Path sub = Files.createDirectories(dir.resolve("mixed-" + n++));
        ExportRequest req =
            new ExportRequest(
                    sub.resolve("new_markers.csv"),
                    preset,
                    null,
                    fps,
                    null,
                    null,
                    ExportRequest.DEFAULT_REEL,
                    null,
                    null,
                    false)
                .withMarkerKinds(sectors, chapters);
        files.add(MarkerExport.export(req, ExportFixture.markers(sub), withSound).file());
      }
    }
    Path none = Files.createDirectories(dir.resolve("no-video"));
    files.add(ExportFixture.export(none, preset, null).file());
    return files;
  }

  private static String xmllint() {
    String found = findXmllint();
    assumeThat(found)
        .as("xmllint is not installed (libxml2-utils), so libxml2's reading is skipped")
        .isNotNull();
    return found;
  }

  /** libxml2's xmllint on the PATH, or null. */
  private static String findXmllint() {
    for (String dirName : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dirName, "xmllint");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }

  private static Path appleDtd() {
    String given = System.getProperty("mtbsync.fcpxmlDtd", System.getenv("MTBSYNC_FCPXML_DTD"));
    assumeThat(given != null && Files.isRegularFile(Path.of(given)))
        .as(
            "Apple's FCPXML 1.10 DTD is not kept in the project (Apple's copyright); give it as"
                + " -Dmtbsync.fcpxmlDtd=FILE to validate against it")
        .isTrue();
    return Path.of(given);
  }

  private Path resource(String name) throws IOException {
    Path file = dir.resolve(Path.of(name).getFileName().toString());
    try (InputStream in = XmlReadersTest.class.getResourceAsStream(name)) {
      Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  /** Runs a command; returns what it wrote to stderr and stdout when it fails, else "". */
  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p.exitValue() == 0 ? "" : "exit " + p.exitValue() + ": " + out;
  }

  private static String run(String xmllint, String a, String b, String dtd, Path file)
      throws Exception {
    return run(xmllint, a, b, dtd, file.toString());
  }

  private static final Pattern ENTITY =
      Pattern.compile("<!ENTITY\\s+%\\s+([\\w-]+)\\s+\"([^\"]*)\"\\s*>");
  private static final Pattern ATTLIST = Pattern.compile("<!ATTLIST\\s+([\\w-]+)([^>]*)>");
  private static final Pattern ATTRIBUTE =
      Pattern.compile(
          "([\\w-]+)\\s+(\\([^)]*\\)|[A-Z]+)\\s+(#REQUIRED|#IMPLIED|#FIXED\\s+(?:\"[^\"]*\"|'[^']*')"
              + "|\"[^\"]*\"|'[^']*')");

  /**
   * Element to attribute to {type, default} of a DTD, parameter entities expanded; enumerations
   * with their spaces taken out. A reading made for these tests, sized to the declarations DTDs of
   * this kind use.
   */
  static Map<String, Map<String, String[]>> attributes(String dtd) {
    String text = dtd.replaceAll("(?s)<!--.*?-->", " ");
    Map<String, String> entities = new HashMap<>();
    Matcher e = ENTITY.matcher(text);
    while (e.find()) {
      entities.put(e.group(1), e.group(2));
    }
    for (int pass = 0; pass < 10 && text.contains("%"); pass++) {
      for (Map.Entry<String, String> entity : entities.entrySet()) {
        text = text.replace("%" + entity.getKey() + ";", entity.getValue());
      }
    }
    Map<String, Map<String, String[]>> out = new HashMap<>();
    Matcher a = ATTLIST.matcher(text);
    while (a.find()) {
      Matcher attr = ATTRIBUTE.matcher(a.group(2));
      Map<String, String[]> attrs = out.computeIfAbsent(a.group(1), k -> new HashMap<>());
      while (attr.find()) {
        attrs.put(
            attr.group(1),
            new String[] {
              attr.group(2).replaceAll("\\s+", ""), attr.group(3).replaceAll("\\s+", " ")
            });
      }
    }
    return out;
  }
}
