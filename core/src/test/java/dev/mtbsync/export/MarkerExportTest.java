package dev.mtbsync.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mtbsync.config.ConfigException;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.video.H264FileSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkerExportTest {

  private static final Path KARMA = Path.of("../../shared/data/video/gpmf-parser_karma.mp4");
  private static final Path DASHCAM =
      Path.of("../../shared/data/video/udacity_solidWhiteRight.mp4");

  @TempDir Path dir;

  /** Writes a 2 s, 25 fps, 64x48 grey video. */
  private Path tinyVideo() throws IOException {
    Path video = dir.resolve("new.mp4");
    byte[] frame = new byte[64 * 48 * 3 / 2];
    Arrays.fill(frame, (byte) 128);
    try (H264FileSink sink = new H264FileSink(video, 64, 48, 25, 30)) {
      for (int i = 0; i < 50; i++) {
        sink.write(frame);
      }
    }
    return video;
  }

  private Path markers(String rows) throws IOException {
    return Files.writeString(
        dir.resolve("new_markers.csv"),
        "name,t_ref,t_new,confidence,needs_review,colour,comment\n" + rows);
  }

  @Test
  void theRunFolderNamesTheVideoWhoseRateAndLengthPlaceTheMarkers() throws IOException {
    Path video = tinyVideo();
    Files.writeString(
        dir.resolve("run.json"),
        "{\"schema_version\":1,\"inputs\":{\"new\":{\"path\":\""
            + video.toAbsolutePath()
            + "\"}}}");
    Path csv = markers("Jump,3,1.0,0.9,false,,\nLate,9,2.5,0.9,false,,\n");
    ExportResult r = MarkerExport.run(ExportRequest.of(csv, ExportPreset.CSV));
    assertThat(r.video()).isEqualTo(video.toAbsolutePath());
    assertThat(r.timecode().rate()).isEqualTo(FrameRate.FPS_25);
    assertThat(r.timecode().dropFrame()).isFalse();
    assertThat(r.written()).isEqualTo(1);
    assertThat(r.skipped())
        .containsExactly(
            new SkippedMarker("Late", 2.5, "at 2.500 s, past the clip's end (2.000 s)"));
    assertThat(r.file()).isEqualTo(dir.resolve("new_markers.timecode.csv"));
    assertThat(Files.readAllLines(r.file()))
        .containsExactly(
            "name,t_ref,t_new,t_new_lo,t_new_hi,confidence,needs_review,colour,comment,frame,timecode",
            "Jump,3.000,1.0000,,,0.900,false,,,25,00:00:01:00",
            "Late,9.000,2.5000,,,0.900,false,,,,");
  }

  @Test
  void aTimeWithinTheLastFrameGoesOnItAndTheClipsEndIsPastIt() {
    List<SkippedMarker> skipped = new ArrayList<>();
    List<PlacedMarker> placed =
        MarkerPlacement.place(
            List.of(
                marker("last", 1.96),
                marker("nearer the end", 1.981),
                marker("at the end", 2.0),
                marker("first", 0.0)),
            FrameRate.FPS_25,
            new MarkerPlacement.Clip(2.0, 50),
            new MarkerPlacement.Midnight(Long.MAX_VALUE, "", FrameRate.FPS_25, Long.MAX_VALUE, ""),
            skipped);
    // 1.981 s is inside the clip's last frame (1.96-2.0 s); its nearest frame, 50, is not
    assertThat(placed).extracting(PlacedMarker::frame).containsExactly(0L, 49L, 49L);
    assertThat(skipped).extracting(SkippedMarker::name).containsExactly("at the end");
  }

  @Test
  void aMarkerOnTheLastFrameOfA2997ClipStaysOnA25Timeline() throws IOException {
    // 362 frames at 29.97 end at 12.0787 s: 301.97 frames at 25, so 302 timeline frames show it
    SourceClip clip =
        new SourceClip(Path.of("/m/GX.MP4"), FrameRate.FPS_29_97.fps(), 12.0787, 362, 64, 48, null);
    assertThat(clip.framesAt(FrameRate.FPS_25)).isEqualTo(302);
    double lastFrame = FrameRate.FPS_29_97.secondsOf(361);
    ExportRequest req =
        new ExportRequest(
            dir.resolve("m.csv"),
            ExportPreset.AVID,
            null,
            FrameRate.FPS_25,
            null,
            null,
            "001",
            null,
            null,
            false);
    ExportResult r = MarkerExport.export(req, List.of(marker("last", lastFrame)), clip);
    assertThat(r.skipped()).isEmpty();
    assertThat(Files.readString(r.file())).contains("\t01:00:12:01\t");
  }

  @Test
  void aGoProStartTimecodeIsReadAtTheClipsOwnRate() {
    List<String> notes = new ArrayList<>();
    SourceClip clip = ExportFixture.goPro(FrameRate.FPS_29_97, "00:01:00:00");
    ClipTimecode tc = ClipTimecode.of(clip, FrameRate.FPS_29_97, notes);
    // one minute of non-drop labels at 29.97: 1800 frames, and the label stays as the camera wrote
    // it
    assertThat(tc.frames()).isEqualTo(1800);
    assertThat(tc.timecode().rate()).isEqualTo(FrameRate.FPS_29_97);
    assertThat(tc.dropFrame()).isFalse();
    assertThat(tc.label()).isEqualTo("00:01:00:00");
    assertThat(notes).isEmpty();
  }

  @Test
  void anUnreadableStartTimecodeIsNotedAndIgnored() {
    List<String> notes = new ArrayList<>();
    SourceClip clip = ExportFixture.goPro(FrameRate.FPS_25, "99:00:00:00");
    assertThat(ClipTimecode.of(clip, FrameRate.FPS_25, notes)).isNull();
    assertThat(notes).singleElement().asString().startsWith("the video's start timecode '99:00");
  }

  @Test
  void aNonDropFrameGoProTimecodeMakesTheExportNonDropFrame() throws IOException {
    ExportResult r =
        ExportFixture.export(
            dir,
            ExportPreset.AVID,
            ExportFixture.goPro(FrameRate.FPS_29_97, ExportFixture.GOPRO_TC));
    assertThat(r.timecode().dropFrame()).isFalse();
    assertThat(r.clipStart()).isEqualTo("19:26:48:04");
    assertThat(r.timelineStart()).isEqualTo("01:00:00:00");
  }

  @Test
  void aVideoAtAnotherRateNeedsFps() {
    SourceClip fast = new SourceClip(Path.of("hs.mp4"), 119.88, 10, 1199, 1920, 1080, null);
    ExportRequest req = ExportRequest.of(dir.resolve("m.csv"), ExportPreset.FCPXML);
    assertThatThrownBy(() -> MarkerExport.export(req, List.of(marker("a", 1)), fast))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "fps must be given: hs.mp4 runs at 119.880 fps, which is not a timeline rate (one of"
                + " 23.976, 24, 25, 29.97, 30, 50, 59.94, 60)");
  }

  @Test
  void nothingIsWrittenWhenNoMarkerLandsOnTheClip() throws IOException {
    Path csv = markers("Gone,3,,0,true,,\n");
    assertThatThrownBy(() -> MarkerExport.run(ExportRequest.of(csv, ExportPreset.EDL)))
        .isInstanceOf(IOException.class)
        .hasMessage(
            csv
                + ": no marker lands on the clip, nothing to export (Gone: the new run does not"
                + " cover it)");
    assertThat(dir.resolve("new_markers.cmx3600.edl")).doesNotExist();
  }

  @Test
  void theMarkersFileIsNeverOverwritten() throws IOException {
    Path csv = markers("Jump,3,1.0,0.9,false,,\n");
    ExportRequest req =
        new ExportRequest(csv, ExportPreset.CSV, csv, null, null, null, "001", null, null, false);
    assertThatThrownBy(() -> MarkerExport.run(req))
        .isInstanceOf(ConfigException.class)
        .hasMessage("out must not be the markers file " + csv + " (it would overwrite it)");
  }

  @Test
  void aReelLongerThanEightCharactersIsRefused() {
    ExportRequest req =
        new ExportRequest(
            dir.resolve("m.csv"),
            ExportPreset.EDL,
            null,
            null,
            null,
            null,
            "REEL-0001",
            null,
            null,
            false);
    assertThatThrownBy(req::validate)
        .hasMessage("reel must be 1 to 8 letters, digits or _ (CMX3600), got 'REEL-0001'");
  }

  @Test
  void dropFrameCannotBeForcedAt25() throws IOException {
    Path csv = markers("Jump,3,1.0,0.9,false,,\n");
    ExportRequest req =
        new ExportRequest(
            csv, ExportPreset.EDL, null, FrameRate.FPS_25, true, null, "001", null, null, false);
    assertThatThrownBy(() -> MarkerExport.run(req))
        .hasMessage("drop-frame timecode exists only at 29.97 and 59.94 fps, not at 25 fps");
  }

  @Test
  void readsGoProsStartTimecodeFromRealFootage() throws IOException {
    assumeThat(Files.exists(KARMA))
        .as("real footage is in ../shared/data (absent here, so this test is skipped)")
        .isTrue();
    SourceClip karma = ClipProbe.probe(KARMA);
    assertThat(karma.startTimecode()).isEqualTo("19:26:48:04");
    assertThat(FrameRate.nearest(karma.fps())).contains(FrameRate.FPS_29_97);
    assertThat(karma.framesAt(FrameRate.FPS_29_97)).isEqualTo(362);
    SourceClip dashcam = ClipProbe.probe(DASHCAM);
    assertThat(dashcam.startTimecode()).as("no tmcd track").isNull();
    assertThat(FrameRate.nearest(dashcam.fps())).contains(FrameRate.FPS_25);
  }

  @Test
  void aGoProClipsMarkersSitAtItsOwnTimecodeInFcpxml() throws IOException {
    assumeThat(Files.exists(KARMA))
        .as("real footage is in ../shared/data (absent here, so this test is skipped)")
        .isTrue();
    Path csv = markers("Cliff,3,5.0,0.9,false,,\nBeyond,9,12.2,0.9,false,,\n");
    ExportResult r = MarkerExport.run(ExportRequest.of(csv, ExportPreset.FCPXML).withVideo(KARMA));
    assertThat(r.clipStart()).isEqualTo("19:26:48:04");
    assertThat(r.skipped()).extracting(SkippedMarker::name).containsExactly("Beyond");
    // 19:26:48:04 is frame 2100244; the marker is 150 frames in; 1001/30000 s each
    assertThat(Files.readString(r.file()))
        .contains("start=\"" + (2100244L + 150) * 1001 + "/30000s\" value=\"Cliff\"");
  }

  private static NewMarker marker(String name, double tNew) {
    return new NewMarker(name, tNew, tNew, 1, false, "", "");
  }
}
