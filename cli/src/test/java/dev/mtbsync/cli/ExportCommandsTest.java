package dev.mtbsync.cli;

import static dev.mtbsync.cli.MainTest.mtbsync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mtbsync.cli.MainTest.Run;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export-markers, its alias export, sync --export, viewer and transfer-markers --plot-overlay. */
class ExportCommandsTest {

  @TempDir Path dir;

  private Path newMarkers() throws IOException {
    return Files.writeString(
        dir.resolve("new_markers.csv"),
        "name,t_ref,t_new,confidence,needs_review,colour,comment\n"
            + "Jump 1,3.25,1.0,0.97,false,green,\n"
            + "\"Gap, big\",10,2.5,0.4,true,,\"left | right\"\n"
            + "Far,20,,0,true,,not covered\n");
  }

  @Test
  void helpListsTheExportAndViewerCommands() {
    assertThat(mtbsync("--help").out()).contains("export-markers", "export ", "viewer");
  }

  @Test
  void exportMarkersWritesResolvesEdlAndSaysWhatItLeftOut() throws IOException {
    Path csv = newMarkers();
    Run run = mtbsync("export-markers", csv.toString(), "--preset", "resolve-edl", "--fps", "25");
    assertThat(run.code()).as(run.err()).isZero();
    Path edl = dir.resolve("new_markers.edl");
    assertThat(run.out())
        .startsWith(edl + "\n")
        .contains("resolve-edl: 2 markers at 25 fps non-drop-frame, timeline start 01:00:00:00")
        .doesNotContain("left out");
    assertThat(run.err())
        .isEqualTo("mtbsync: warning: left out Far: the new run does not cover it\n");
    assertThat(Files.readString(edl))
        .startsWith("TITLE: new_markers\r\nFCM: NON-DROP FRAME\r\n\r\n")
        .contains(
            "001  001      V     C        01:00:01:00 01:00:01:01 01:00:01:00 01:00:01:01  \r\n"
                + " |C:ResolveColorGreen |M:Jump 1 |D:1\r\n\r\n",
            "\r\nleft / right |C:ResolveColorYellow |M:Gap, big |D:1\r\n\r\n");
  }

  @Test
  void sectorsAndChaptersMakeRangedChapterMarkersInFcpxml() throws IOException {
    Path csv = newMarkers();
    Run run =
        mtbsync(
            "export-markers",
            csv.toString(),
            "--preset",
            "fcpxml",
            "--fps",
            "25",
            "--sectors",
            "--chapters",
            "-q");
    assertThat(run.code()).as(run.err()).isZero();
    // 1.0 s to 2.5 s at 25 fps: frames 25 to 63 (62.5 rounds up), 38 frames
    assertThat(Files.readString(dir.resolve("new_markers.fcpxml")))
        .contains(
            "<chapter-marker duration=\"3800/2500s\" start=\"2500/2500s\" value=\"Jump 1\"/>");
  }

  @Test
  void chaptersOutsideFcpxmlAreAUsageError() throws IOException {
    Run run = mtbsync("export-markers", newMarkers().toString(), "--preset", "edl", "--chapters");
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .isEqualTo(
            "mtbsync: chapter markers are an FCPXML feature; use them with the fcpxml preset,"
                + " not edl\n");
  }

  @Test
  void markersJoinedOnOneFrameOrPastMidnightAreOneWarningLineEachOnStderr() throws IOException {
    Path csv =
        Files.writeString(
            dir.resolve("new_markers.csv"),
            "name,t_ref,t_new,confidence,needs_review,colour,comment\n"
                + "Jump,3,1.0,0.9,false,,\n"
                + "Landing,4,1.01,0.9,false,,\n"
                + "Late,9,5.0,0.9,false,,\n");
    Run run =
        mtbsync(
            "export-markers",
            csv.toString(),
            "--preset",
            "avid",
            "--fps",
            "25",
            "--start-tc",
            "23:59:58:00",
            "-q");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err().lines())
        .containsExactly(
            "mtbsync: warning: left out Late: at 5.000 s, its timeline timecode would pass"
                + " 24:00:00:00 and wrap to 00:00:00:00 (the timeline starts at 23:59:58:00; give"
                + " an earlier --start-tc)",
            "mtbsync: warning: joined Landing to Jump at 23:59:59:00: both land on that frame,"
                + " and avid keeps one marker per frame");
    assertThat(Files.readString(dir.resolve("new_markers.avid.txt")))
        .isEqualTo("mtbsync\t23:59:59:00\tV1\tblue\tJump + Landing\t1\n");
  }

  @Test
  void theExportAliasWorksAsThePythonToolSpellsIt() throws IOException {
    Path csv = newMarkers();
    Path out = dir.resolve("out/new_markers.edl");
    Run run =
        mtbsync(
            "export",
            "edl",
            "--markers",
            csv.toString(),
            "--out",
            out.toString(),
            "--fps",
            "29.97",
            "--reel",
            "A001",
            "-q");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(out + "\n");
    assertThat(Files.readString(out))
        .contains("FCM: DROP FRAME", "001  A001     V     C        00:00:01;00", "* LOC: ");
  }

  @Test
  void jsonWritesThePlacementBesideTheExport() throws IOException {
    Path csv = newMarkers();
    Run run = mtbsync("export-markers", csv.toString(), "--preset", "fcpxml", "--json", "-q");
    assertThat(run.code()).as(run.err()).isZero();
    Path json = dir.resolve("new_markers.fcpxml.json");
    assertThat(run.out()).isEqualTo(dir.resolve("new_markers.fcpxml") + "\n" + json + "\n");
    assertThat(Files.readString(json))
        .contains(
            "\"fps\" : \"29.97\"",
            "\"frame\" : 30",
            "\"reason\" : \"the new run does not cover it\"");
  }

  @Test
  void aMissingMarkersFileIsOneLineNamingIt() {
    Path missing = dir.resolve("nope.csv");
    Run run = mtbsync("export-markers", missing.toString(), "--preset", "csv");
    assertThat(run.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err()).isEqualTo("mtbsync: " + missing + ": no such file or folder\n");
  }

  @Test
  void aFileWithoutTheNewTimeColumnIsOneLineNamingIt() throws IOException {
    Path refOnly = Files.writeString(dir.resolve("ref.csv"), "name,t_ref\nJump,1.5\n");
    Run run = mtbsync("export", "fcpxml", "--markers", refOnly.toString());
    assertThat(run.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err())
        .isEqualTo("mtbsync: " + refOnly + ":1: missing column 't_new' (found name,t_ref)\n");
  }

  @Test
  void anUnknownPresetIsAUsageErrorListingThePresets() throws IOException {
    Run run = mtbsync("export-markers", newMarkers().toString(), "--preset", "davinci");
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines().findFirst().orElseThrow())
        .isEqualTo(
            "mtbsync: Invalid value for option '--preset': unknown preset 'davinci'; use csv,"
                + " resolve-edl, edl, fcpxml, premiere, avid (see 'mtbsync export-markers --help')");
  }

  @Test
  void aRateEditorsDoNotUseIsAUsageError() throws IOException {
    Run run = mtbsync("export-markers", newMarkers().toString(), "--preset", "edl", "--fps", "12");
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("frame rate 12 is not one editors use");
  }

  @Test
  void aStartTimecodeThatIsNotOneIsAUsageError() throws IOException {
    Run run =
        mtbsync("export-markers", newMarkers().toString(), "--preset", "avid", "--start-tc", "1h");
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .isEqualTo("mtbsync: timecode '1h' is not HH:MM:SS:FF (HH:MM:SS;FF for drop-frame)\n");
  }

  /** A warp that maps new time t to 1.1 t + 1, its pairs beside it, and reference markers. */
  private Path runFolder() throws IOException {
    Path run = Files.createDirectories(dir.resolve("run"));
    Files.writeString(
        run.resolve("timewarp.json"),
        "{\"schema_version\":1,\"ok\":true,\"mapping\":{\"t_new\":[0,10,20],"
            + "\"t_ref\":[1,12,23],\"confidence\":[0.9,0.9,0.9]}}");
    StringBuilder pairs = new StringBuilder("t_new,t_ref,confidence\n");
    for (int i = 0; i <= 40; i++) {
      pairs.append(i / 2.0).append(',').append(1 + 1.1 * i / 2.0).append(",0.9\n");
    }
    Files.writeString(run.resolve("pairs.csv"), pairs);
    Files.writeString(dir.resolve("ref_markers.csv"), "name,t_ref\nJump,5\nBerm,14.5\nEnd,30\n");
    return run;
  }

  @Test
  void viewerHeadlessDrawsAPngOfTheSizeAsked() throws IOException {
    assumeThat(hasFonts()).as("no font installed, so this test is skipped").isTrue();
    Path run = runFolder();
    Path png = dir.resolve("overlay.png");
    Run r =
        mtbsync(
            "viewer",
            "--headless",
            "--ref-markers",
            dir.resolve("ref_markers.csv").toString(),
            "--timewarp-json",
            run.resolve("timewarp.json").toString(),
            "--out-png",
            png.toString(),
            "--size",
            "900x600");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(png + "\n");
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(900);
    assertThat(image.getHeight()).isEqualTo(600);
    assertThat(Files.size(png)).isGreaterThan(10_000);
  }

  @Test
  void viewerWithoutHeadlessIsAUsageError() throws IOException {
    Path run = runFolder();
    Run r = mtbsync("viewer", "--timewarp-json", run.resolve("timewarp.json").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .isEqualTo(
            "mtbsync: only the headless viewer exists: give --headless --out-png FILE"
                + " (see 'mtbsync viewer --help')\n");
  }

  @Test
  void transferMarkersAlsoPlotsTheOverlay() throws IOException {
    assumeThat(hasFonts()).as("no font installed, so this test is skipped").isTrue();
    Path run = runFolder();
    Path png = dir.resolve("transfer.png");
    Run r =
        mtbsync(
            "transfer-markers",
            "--ref-markers",
            dir.resolve("ref_markers.csv").toString(),
            "--timewarp-json",
            run.resolve("timewarp.json").toString(),
            "--out",
            dir.resolve("new.csv").toString(),
            "--plot-overlay",
            png.toString(),
            "-q");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).endsWith(png + "\n");
    assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(1400);
  }

  @Test
  void syncExportNeedsMarkers() throws IOException {
    // the videos exist (each path is checked as the command line is read)
    Path a = Files.createFile(dir.resolve("a.mp4"));
    Path b = Files.createFile(dir.resolve("b.mp4"));
    Run r =
        mtbsync(
            "sync",
            "--reference",
            a.toString(),
            "--new",
            b.toString(),
            "--out",
            dir.toString(),
            "--export",
            "fcpxml");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).isEqualTo("mtbsync: --export needs --ref-markers: there are no markers\n");
  }

  @Test
  void syncExportWritesTheEditorFilesIntoTheRunFolder() throws IOException {
    Path pair = dir.resolve("pair");
    Run synth =
        mtbsync(
            "synth",
            "--out",
            pair.toString(),
            "--seed",
            "3",
            "--duration",
            "6",
            "--size",
            "320x180");
    assertThat(synth.code()).as(synth.err()).isZero();
    Run r =
        mtbsync(
            "sync",
            "--reference",
            pair.resolve("ref.mp4").toString(),
            "--new",
            pair.resolve("new.mp4").toString(),
            "--ref-markers",
            pair.resolve("ref_markers.csv").toString(),
            "--out",
            dir.resolve("runs").toString(),
            "--export",
            "fcpxml,resolve-edl",
            "-q");
    assertThat(r.code()).as(r.err()).isZero();
    String first = r.out().lines().findFirst().orElseThrow();
    assertThat(first).startsWith("run folder   ");
    Path runDir = Path.of(first.substring("run folder   ".length()));
    assertThat(r.out())
        .contains(
            runDir.resolve("new_markers.fcpxml").toString(),
            runDir.resolve("new_markers.edl").toString());
    assertThat(Files.readString(runDir.resolve("new_markers.fcpxml")))
        .contains("<fcpxml version=\"1.10\">", "frameDuration=\"100/6000s\"", "<marker ");
    assertThat(Files.readString(runDir.resolve("new_markers.edl")))
        .startsWith("TITLE: new\r\nFCM: NON-DROP FRAME\r\n")
        .contains(" 01:00:0");
  }

  private static boolean hasFonts() {
    try {
      return GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames().length
          > 0;
    } catch (RuntimeException | Error noFontConfig) {
      return false;
    }
  }
}
