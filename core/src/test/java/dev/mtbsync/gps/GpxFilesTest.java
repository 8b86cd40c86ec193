package dev.mtbsync.gps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpxFilesTest {

  @TempDir Path dir;

  @Test
  void readsEveryTimedPointOfEverySegmentOfARealGpx10File() throws IOException {
    GpsTrack t = GpxFiles.read(SharedData.require("gps/gpxpy_korita-zbevnica.gpx"));
    assertThat(t.format()).isEqualTo("gpx");
    assertThat(t.points()).hasSize(513);
    assertThat(t.detail()).isEqualTo("358 points without a time ignored");
    assertThat(t.first()).isEqualTo(Instant.parse("2010-10-03T09:36:30Z"));
    assertThat(t.last()).isEqualTo(Instant.parse("2010-10-03T13:19:31Z"));
    assertThat(t.points())
        .allSatisfy(
            p -> {
              assertThat(p.lat()).isBetween(45.3, 45.5); // the Croatian-Slovenian border
              assertThat(p.lon()).isBetween(13.9, 14.2);
              assertThat(p.elevation()).isBetween(0.0, 1500.0);
            });
    assertThat(t.points()).isSortedAccordingTo(java.util.Comparator.comparing(TrackPoint::time));
  }

  @Test
  void joinsTheTracksOfAFileWithManyInTimeOrder() throws IOException {
    GpsTrack t = GpxFiles.read(SharedData.require("gps/gpxpy_cerknicko-jezero.gpx"));
    assertThat(t.points()).hasSize(296);
    assertThat(t.spanSec()).isEqualTo(7190.0);
    assertThat(t.detail()).isEmpty();
  }

  @Test
  void keepsPointsWhoseTimesAreAllTheSameForTheCurveToRefuse() throws IOException {
    // GPSBabel wrote one bogus time (1901, the 32-bit minimum) on every point of this track
    GpsTrack t = GpxFiles.read(SharedData.require("gps/gpxpy_Mojstrovka.gpx"));
    assertThat(t.points()).hasSize(184);
    assertThat(t.spanSec()).isLessThan(0.001);
    assertThatThrownBy(() -> DistanceCurve.of(t, t.first()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too few usable fixes")
        .hasMessageContaining("182 with a repeated time");
  }

  @Test
  void writesAndReadsBackFixTypeAndPrecision() throws IOException {
    Instant t0 = Instant.parse("2026-05-16T09:00:00Z");
    List<TrackPoint> pts =
        List.of(
            new TrackPoint(45.9, 7.5, 1450.5, t0, 1.5, 3),
            new TrackPoint(45.90001, 7.50001, Double.NaN, t0.plusMillis(100), 2.25, 2),
            new TrackPoint(45.90002, 7.50002, 1449, t0.plusMillis(200)));
    Path file = dir.resolve("run.gpx");
    GpxFiles.write(file, "run", pts);
    GpsTrack back = GpxFiles.read(file);
    assertThat(back.points()).containsExactlyElementsOf(pts);
  }

  @Test
  void malformedFilesFailNamingTheFileAndTheProblem() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.gpx"));
    Path text = Files.writeString(dir.resolve("notes.gpx"), "lap 1: 2:31\n");
    Path cut = dir.resolve("cut.gpx");
    Files.writeString(
        cut,
        "<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"x\""
            + " xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>"
            + "<trkpt lat=\"45.9\" lon=\"7.5\"><time>2026-05-16T09:00:00Z</time></trkpt><trkpt");
    Path untimed = dir.resolve("route.gpx");
    Files.writeString(
        untimed,
        "<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"x\""
            + " xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>"
            + "<trkpt lat=\"45.9\" lon=\"7.5\"/><trkpt lat=\"45.91\" lon=\"7.5\"/>"
            + "</trkseg></trk></gpx>");
    Path badLat = dir.resolve("lat.gpx");
    Files.writeString(
        badLat,
        "<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"x\""
            + " xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>"
            + "<trkpt lat=\"north\" lon=\"7.5\"><time>2026-05-16T09:00:00Z</time></trkpt>"
            + "</trkseg></trk></gpx>");

    assertThatThrownBy(() -> GpxFiles.read(empty))
        .isInstanceOf(GpsFormatException.class)
        .hasMessage(empty + ": file is empty (0 bytes)");
    assertThatThrownBy(() -> GpxFiles.read(text))
        .isInstanceOf(GpsFormatException.class)
        .hasMessageStartingWith(text + ": not a readable GPX file (");
    assertThatThrownBy(() -> GpxFiles.read(cut))
        .isInstanceOf(GpsFormatException.class)
        .hasMessageStartingWith(cut + ": not a readable GPX file (");
    assertThatThrownBy(() -> GpxFiles.read(untimed))
        .isInstanceOf(GpsFormatException.class)
        .hasMessage(untimed + ": has no timed track points (2 points without a time)");
    assertThatThrownBy(() -> GpxFiles.read(badLat)) // jpx leaves out what it cannot read
        .isInstanceOf(GpsFormatException.class)
        .hasMessage(badLat + ": has no track points");
    assertThatThrownBy(() -> GpxFiles.read(dir.resolve("missing.gpx")))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
    for (Path p : List.of(empty, text, cut, untimed, badLat)) {
      assertThatThrownBy(() -> GpxFiles.read(p)).message().doesNotContain("\n");
    }
  }

  @Test
  void readsTheSyntheticRunsOneFixASecondFromTheVideosStart() throws IOException {
    Path file = dir.resolve("ref.gpx");
    Instant t0 = Instant.parse("2026-05-16T09:00:00Z");
    List<TrackPoint> pts = new java.util.ArrayList<>();
    for (int s = 0; s <= 10; s++) {
      pts.add(new TrackPoint(45.9 + s * 5e-5, 7.5, 1400 - s, t0.plusSeconds(s)));
    }
    GpxFiles.write(file, "reference run", pts);
    GpsTrack t = GpsFiles.read(file);
    assertThat(t.points()).hasSize(11);
    assertThat(t.spanSec()).isEqualTo(10.0);
    assertThat(t.points().get(10).lat()).isCloseTo(45.9005, within(1e-9));
  }
}
