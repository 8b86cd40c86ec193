package dev.mtbsync.gps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.garmin.fit.DateTime;
import com.garmin.fit.FileEncoder;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.RecordMesg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitFilesTest {

  @TempDir Path dir;

  /** 47.1 degrees north, 11.4 east (a trail in the Alps), in FIT's semicircles. */
  private static int semicircles(double degrees) {
    return (int) Math.round(degrees * (1L << 31) / 180.0);
  }

  /**
   * A small activity written by the Garmin FIT SDK's encoder: a file id, then one record a second
   * for six seconds, riding north-east; the record at second 2 has no position (a heart-rate-only
   * record, as a bike computer writes before its first fix and in tunnels).
   */
  private Path writeRide(String name) {
    Path file = dir.resolve(name);
    Instant start = Instant.parse("2024-06-01T09:30:00Z");
    FileEncoder encoder = new FileEncoder(file.toFile(), Fit.ProtocolVersion.V2_0);
    FileIdMesg id = new FileIdMesg();
    id.setType(com.garmin.fit.File.ACTIVITY);
    id.setManufacturer(Manufacturer.DEVELOPMENT);
    id.setTimeCreated(new DateTime(start));
    encoder.write(id);
    for (int s = 0; s < 6; s++) {
      RecordMesg r = new RecordMesg();
      r.setTimestamp(new DateTime(start.plusSeconds(s)));
      if (s != 2) {
        r.setPositionLat(semicircles(47.1 + s * 1e-4));
        r.setPositionLong(semicircles(11.4 + s * 1e-4));
        r.setEnhancedAltitude(1200f - s * 1.4f); // FIT keeps altitude in 0.2 m steps
      }
      encoder.write(r);
    }
    encoder.close();
    return file;
  }

  @Test
  void readsTheRecordsOfAFileTheSdkWrote() throws IOException {
    GpsTrack t = FitFiles.read(writeRide("ride.fit"));
    assertThat(t.format()).isEqualTo("fit");
    assertThat(t.points()).hasSize(5);
    assertThat(t.detail()).isEqualTo("1 records without a position ignored");
    assertThat(t.first()).isEqualTo(Instant.parse("2024-06-01T09:30:00Z"));
    assertThat(t.last()).isEqualTo(Instant.parse("2024-06-01T09:30:05Z"));
    TrackPoint p = t.points().get(2); // second 3: the record at second 2 is left out
    assertThat(p.time()).isEqualTo(Instant.parse("2024-06-01T09:30:03Z"));
    assertThat(p.lat()).isCloseTo(47.1003, within(1e-7)); // a semicircle is 8.4e-8 degrees
    assertThat(p.lon()).isCloseTo(11.4003, within(1e-7));
    assertThat(p.elevation()).isEqualTo(1195.8);
  }

  @Test
  void aWrittenFileCutShortOrFlippedFailsNamingTheFile() throws IOException {
    byte[] whole = Files.readAllBytes(writeRide("whole.fit"));
    Path cut = Files.write(dir.resolve("cut.fit"), Arrays.copyOf(whole, whole.length - 20));
    byte[] flipped = whole.clone();
    flipped[whole.length / 2] ^= 0x5a;
    Path corrupt = Files.write(dir.resolve("corrupt.fit"), flipped);
    assertThatThrownBy(() -> FitFiles.read(cut))
        .isInstanceOf(GpsFormatException.class)
        .hasMessageStartingWith(cut + ": FIT file is truncated or corrupt (");
    assertThatThrownBy(() -> FitFiles.read(corrupt))
        .isInstanceOf(GpsFormatException.class)
        .hasMessageStartingWith(corrupt + ": FIT file is truncated or corrupt (");
    Path renamed = Files.copy(dir.resolve("whole.fit"), dir.resolve("ride.gpx"));
    assertThat(GpsFiles.read(renamed).format()).isEqualTo("fit");
  }

  @Test
  void readsTheRecordsOfARealBikeComputerRideWithTheirPositions() throws IOException {
    GpsTrack t = FitFiles.read(SharedData.require("gps/fitparse_garmin-edge-500-activity.fit"));
    assertThat(t.format()).isEqualTo("fit");
    assertThat(t.points()).hasSize(10_677); // of 10,686 records, 9 have no position
    assertThat(t.detail()).isEqualTo("9 records without a position ignored");
    assertThat(t.first()).isEqualTo(Instant.parse("2011-09-25T13:00:22Z"));
    assertThat(t.last()).isEqualTo(Instant.parse("2011-09-25T16:31:53Z"));
    assertThat(t.points())
        .allSatisfy(
            p -> {
              assertThat(p.lat()).isBetween(43.0, 44.5); // around Toronto
              assertThat(p.lon()).isBetween(-80.5, -79.0);
            });
    // one record a second: the distance curve finds a ride, not GPS noise
    DistanceCurve c = DistanceCurve.of(t, t.first());
    assertThat(c.length() / t.spanSec()).as("mean speed, m/s").isBetween(3.0, 12.0);
  }

  @Test
  void readsTwoDevicesOnOneRideOnOneClock() throws IOException {
    GpsTrack edge = FitFiles.read(SharedData.require("gps/fitparse_garmin-edge-820-bike.fit"));
    GpsTrack fenix = FitFiles.read(SharedData.require("gps/fitparse_garmin-fenix-5-bike.fit"));
    assertThat(edge.points()).hasSize(15);
    assertThat(fenix.points()).hasSize(19);
    assertThat(edge.first()).isBefore(fenix.last());
    assertThat(fenix.first()).isBefore(edge.last());
    assertThat(Math.abs(edge.points().get(0).lat() - fenix.points().get(0).lat())).isLessThan(0.01);
  }

  @Test
  void readsTheOtherRealRides() throws IOException {
    assertThat(
            FitFiles.read(SharedData.require("gps/fitparse_Edge810-Vector-2013-08-16-15-35-10.fit"))
                .points())
        .hasSize(4_700);
    GpsTrack sample = FitFiles.read(SharedData.require("gps/fitparse_sample-activity.fit"));
    assertThat(sample.points()).hasSize(2_965);
    assertThat(sample.detail()).isEqualTo("133 records without a position ignored");
  }

  @Test
  void malformedFilesFailNamingTheFileAndTheProblem() throws IOException {
    byte[] real = Files.readAllBytes(SharedData.require("gps/fitparse_garmin-fenix-5-bike.fit"));
    Path cut = Files.write(dir.resolve("cut.fit"), Arrays.copyOf(real, real.length / 2));
    byte[] flipped = real.clone();
    flipped[real.length / 2] ^= 0x5a;
    Path corrupt = Files.write(dir.resolve("corrupt.fit"), flipped);
    Path gpx = Files.writeString(dir.resolve("ride.fit"), "<?xml version=\"1.0\"?><gpx/>");
    Path empty = Files.createFile(dir.resolve("empty.fit"));

    assertThatThrownBy(() -> FitFiles.read(cut))
        .isInstanceOf(GpsFormatException.class)
        .hasMessageStartingWith(cut + ": FIT file is truncated or corrupt (");
    assertThatThrownBy(() -> FitFiles.read(corrupt))
        .isInstanceOf(GpsFormatException.class)
        .hasMessageStartingWith(corrupt + ": FIT file is truncated or corrupt (");
    assertThatThrownBy(() -> FitFiles.read(gpx))
        .isInstanceOf(GpsFormatException.class)
        .hasMessage(gpx + ": not a FIT file (no .FIT header)");
    assertThatThrownBy(() -> FitFiles.read(empty))
        .isInstanceOf(GpsFormatException.class)
        .hasMessage(empty + ": file is empty (0 bytes)");
  }

  @Test
  void aFitFileIsRecognisedByItsContentWhateverItsName() throws IOException {
    Path renamed = dir.resolve("ride.gpx");
    Files.copy(SharedData.require("gps/fitparse_garmin-fenix-5-bike.fit"), renamed);
    assertThat(GpsFiles.read(renamed).format()).isEqualTo("fit");
  }
}
