package dev.mtbsync.cli;

import static dev.mtbsync.cli.MainTest.mtbsync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mtbsync.gps.GpsTrack;
import dev.mtbsync.gps.GpxFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpsCommandsTest {

  private static final Path GOPRO = Path.of("../../shared/data/video/gpmf-parser_max-heromode.mp4");

  @TempDir static Path shared;
  static Path pair;

  @TempDir Path dir;

  @BeforeAll
  static void render() {
    pair = shared.resolve("pair");
    MainTest.Run run =
        mtbsync(
            "synth",
            "--out",
            pair.toString(),
            "--seed",
            "4",
            "--duration",
            "10",
            "--size",
            "640x360",
            "-q");
    assertThat(run.code()).as(run.err()).isZero();
  }

  @Test
  void gpsExtractWritesARealGoProsTrackAsGpx() throws IOException {
    assumeThat(Files.exists(GOPRO))
        .as("real footage is in ../shared/data (absent here, so this test is skipped)")
        .isTrue();
    Path out = dir.resolve("walk.gpx");
    MainTest.Run run = mtbsync("gps-extract", GOPRO.toString(), "--out", out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).startsWith(out + "\n").contains("191 fixes from GPMF (GPS5, 18.");
    GpsTrack back = GpxFiles.read(out);
    assertThat(back.points()).hasSize(191);
    assertThat(back.points().get(0).fix()).isEqualTo(3);
  }

  @Test
  void gpsExtractOfAVideoWithoutTelemetrySaysSoOnOneLine() {
    Path video = pair.resolve("new.mp4");
    MainTest.Run run =
        mtbsync("gps-extract", video.toString(), "--out", dir.resolve("x.gpx").toString());
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).isEqualTo("mtbsync: " + video + ": no GoPro telemetry (no gpmd track)\n");
    assertThat(dir.resolve("x.gpx")).doesNotExist();
  }

  @Test
  void gpsExtractOfABrokenFileIsAnErrorOnOneLine() throws IOException {
    Path bad = Files.writeString(dir.resolve("ride.gpx"), "<gpx><trk><trkseg><trkpt");
    MainTest.Run run =
        mtbsync("gps-extract", bad.toString(), "--out", dir.resolve("x.gpx").toString());
    assertThat(run.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err()).startsWith("mtbsync: " + bad + ": not a readable GPX file (");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void gpsExtractConvertsASyntheticTrackAndKeepsItsFixes() {
    Path out = dir.resolve("copy.gpx");
    MainTest.Run run =
        mtbsync("gps-extract", pair.resolve("ref.gpx").toString(), "--out", out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("11 fixes from GPX");
  }

  @Test
  void syncWithBothTracksSaysWhatTheGpsDidAndPrintsSplits() {
    String[] args = {
      "sync",
      "--reference",
      pair.resolve("ref.mp4").toString(),
      "--new",
      pair.resolve("new.mp4").toString(),
      "--ref-markers",
      pair.resolve("ref_markers.csv").toString(),
      "--ref-gpx",
      pair.resolve("ref.gpx").toString(),
      "--new-gpx",
      pair.resolve("new.gpx").toString(),
      "--out",
      dir.resolve("runs").toString(),
      "--regression-off"
    };
    MainTest.Run run = mtbsync(args);
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "gps          reference GPS: ref.gpx, ",
            "             new run GPS: new.gpx, ",
            "GPS seeds the search",
            "pictures vs GPS: median ",
            "splits       ",
            ", time gap ");
    // the rider's line the run's page states too: the worst sector and any stops, or nothing
    assertThat(run.out())
        .containsPattern(
            "(?m)^ {13}(lost most in .+: [+-]\\d+\\.\\d\\d s|nothing notable: .+)"
                + "(; stopped about \\d+\\.\\d s at \\d+\\.\\d s)*$");
    String[] withJson = java.util.Arrays.copyOf(args, args.length + 1);
    withJson[args.length] = "--json";
    MainTest.Run json = mtbsync(withJson);
    assertThat(json.out().lines()).hasSize(1);
    assertThat(json.out())
        .contains("\"gps\":[\"reference GPS: ref.gpx", "\"splits\":[{\"gate\":1,");
  }

  @Test
  void aGpsClockOffsetWithoutATrackIsAUsageError() {
    MainTest.Run run =
        mtbsync(
            "sync",
            "--reference",
            pair.resolve("ref.mp4").toString(),
            "--new",
            pair.resolve("new.mp4").toString(),
            "--new-gps-offset",
            "5",
            "--out",
            dir.resolve("runs").toString());
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).isEqualTo("mtbsync: --new-gps-offset needs a GPS source for that run\n");
  }

  @Test
  void aMissingGpxStopsTheSyncWithOneLineAndNoRunFolder() {
    Path missing = dir.resolve("nope.gpx");
    MainTest.Run run =
        mtbsync(
            "sync",
            "--reference",
            pair.resolve("ref.mp4").toString(),
            "--new",
            pair.resolve("new.mp4").toString(),
            "--new-gpx",
            missing.toString(),
            "--out",
            dir.resolve("runs").toString());
    assertThat(run.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err()).isEqualTo("mtbsync: " + missing + ": no such file or folder\n");
    assertThat(dir.resolve("runs")).doesNotExist();
  }
}
