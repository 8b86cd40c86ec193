package dev.mtbsync.gps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpmfReaderTest {

  @TempDir Path dir;

  @Test
  void readsGps5FromARealGoProTimedOnTheVideosClock() throws IOException {
    Path video = SharedData.require("video/gpmf-parser_max-heromode.mp4");
    GpsTrack t = GpmfReader.read(video);
    assertThat(t.format()).isEqualTo("gpmf");
    assertThat(t.points()).hasSize(191);
    assertThat(t.detail()).startsWith("GPS5, 18.");
    // GPSU runs 23:45:14 to 23:45:25 UTC; the first payload starts the video
    assertThat(t.videoStart())
        .isBetween(Instant.parse("2019-11-18T23:45:13Z"), Instant.parse("2019-11-18T23:45:16Z"));
    assertThat(t.first()).isEqualTo(t.videoStart());
    double last = Duration.between(t.videoStart(), t.last()).toNanos() / 1e9;
    assertThat(last).isBetween(10.0, 10.6); // the clip is 10.5 s long
    assertThat(t.points())
        .allSatisfy(
            p -> {
              assertThat(p.lat()).isCloseTo(33.1268, within(0.001));
              assertThat(p.lon()).isCloseTo(-117.3273, within(0.001));
              assertThat(p.fix()).isEqualTo(3);
              assertThat(p.dop()).isBetween(1.0, 5.0);
            });
    // a walk: about 13 m from the first fix to the last in 10.4 s
    TrackPoint a = t.points().get(0);
    TrackPoint b = t.points().get(190);
    LocalFrame f = new LocalFrame(a.lat(), a.lon());
    double straight = Math.hypot(f.east(b.lat(), b.lon()), f.north(b.lat()));
    assertThat(straight).isBetween(10.0, 16.0);
    DistanceCurve c = DistanceCurve.of(t, t.videoStart());
    assertThat(c.length()).as("walked, smoothed").isBetween(0.9 * straight, 1.2 * straight);
  }

  @Test
  void telemetryWithoutGpsSaysSoAndNamesWhatItHas() {
    Path karma = SharedData.require("video/gpmf-parser_karma.mp4");
    assertThatThrownBy(() -> GpmfReader.read(karma))
        .isInstanceOf(NoGpsException.class)
        .hasMessageStartingWith(karma + ": GoPro telemetry without GPS (no GPS5 or GPS9 stream;")
        .hasMessageContaining("ACCL");
  }

  @Test
  void aVideoWithoutTelemetrySaysSo() throws IOException {
    Path plain = dir.resolve("plain.mp4");
    try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(plain.toFile(), 64, 48)) {
      r.setFormat("mp4");
      r.setFrameRate(10);
      r.start();
      Frame f = new Frame(64, 48, Frame.DEPTH_UBYTE, 3);
      for (int i = 0; i < 5; i++) {
        r.record(f);
      }
    }
    assertThatThrownBy(() -> GpmfReader.read(plain))
        .isInstanceOf(NoGpsException.class)
        .hasMessage(plain + ": no GoPro telemetry (no gpmd track)");
    assertThatThrownBy(() -> GpsFiles.read(plain)).isInstanceOf(NoGpsException.class);
  }

  @Test
  void filesThatAreNotVideosOrAreCutShortFailNamingTheFile() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video at all\n");
    byte[] whole = GpmfMp4.file(List.of(gps9Payload(0, 10, 3)), 1000);
    Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(whole, whole.length - 40));
    assertThatThrownBy(() -> GpmfReader.read(text))
        .isInstanceOf(GpsFormatException.class)
        .isNotInstanceOf(NoGpsException.class)
        .hasMessage(text + ": not an MP4/MOV file");
    assertThatThrownBy(() -> GpmfReader.read(cut))
        .isInstanceOf(GpsFormatException.class)
        .hasMessageStartingWith(cut + ": ");
  }

  @Test
  void readsGps9WithItsOwnTimePrecisionAndFixPerSample() throws IOException {
    List<byte[]> payloads = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      payloads.add(gps9Payload(p, 10, p == 0 ? 0 : 3)); // no fix during the first second
    }
    Path file = Files.write(dir.resolve("hero13.mp4"), GpmfMp4.file(payloads, 1001));
    GpsTrack t = GpmfReader.read(file);
    assertThat(t.points()).hasSize(30);
    assertThat(t.detail()).startsWith("GPS9, 10.").contains("10 samples without a fix");
    // sample k of payload p is at video time (p + k / 10) * 1.001 s and UTC 12:00:00 + p + k / 10
    // (the camera's clock): the video started at 12:00:00 UTC
    assertThat(t.videoStart())
        .isBetween(
            Instant.parse("2026-05-16T11:59:59.9Z"), Instant.parse("2026-05-16T12:00:00.1Z"));
    TrackPoint p15 = t.points().get(15);
    assertThat(Duration.between(t.videoStart(), p15.time()).toNanos() / 1e9)
        .isCloseTo(1.5015, within(1e-6));
    assertThat(p15.lat()).isCloseTo(45.9 + 15e-5, within(1e-7));
    assertThat(p15.lon()).isCloseTo(7.5, within(1e-7));
    assertThat(p15.elevation()).isCloseTo(1400.0 - 1.5, within(1e-3));
    assertThat(p15.dop()).isCloseTo(1.25, within(1e-9));
    assertThat(p15.fix()).isEqualTo(3);
    assertThat(t.points().get(5).fix()).isEqualTo(TrackPoint.FIX_NONE);
    DistanceCurve c = DistanceCurve.of(t, t.videoStart());
    assertThat(c.droppedSummary()).isEqualTo("10 without a fix");
    assertThat(c.startSec()).isCloseTo(1.1, within(0.11));
  }

  @Test
  void prefersGps9WhenTheCameraRecordsBothStreams() throws IOException {
    // a HERO11 writes GPS5 (no time per sample) beside GPS9: GPS9 alone is read
    byte[] gps5 =
        GpmfMp4.nest(
            "STRM",
            GpmfMp4.klv("GPSF", 'L', 4, 1, GpmfMp4.ints(3)),
            GpmfMp4.klv("SCAL", 'l', 4, 5, GpmfMp4.ints(10_000_000, 10_000_000, 1000, 1000, 100)),
            GpmfMp4.klv(
                "GPS5",
                'l',
                20,
                2,
                GpmfMp4.ints(
                    459000000, 75000000, 1400000, 0, 0, 459000000, 75000000, 1400000, 0, 0)));
    byte[] both = GpmfMp4.nest("DEVC", gps5, streams(gps9Payload(0, 10, 3)));
    GpsTrack t =
        GpmfReader.read(Files.write(dir.resolve("hero11.mp4"), GpmfMp4.file(List.of(both), 1000)));
    assertThat(t.detail()).startsWith("GPS9");
    assertThat(t.points()).hasSize(10);
  }

  /** The items inside a DEVC item. */
  private static byte[] streams(byte[] devc) {
    return Arrays.copyOfRange(devc, 8, devc.length);
  }

  /**
   * One second of GPS9 at 10 Hz, as a HERO13 writes it: DEVC > STRM > SCAL, TYPE, GPS9. Sample k of
   * payload p is 1.1 m further north each tenth of a second.
   */
  private static byte[] gps9Payload(int p, int n, int fix) {
    ByteBuffer rows = ByteBuffer.allocate(32 * n);
    long days =
        Duration.between(
                Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2026-05-16T00:00:00Z"))
            .toDays();
    for (int k = 0; k < n; k++) {
      int i = p * n + k;
      rows.putInt((int) Math.round((45.9 + i * 1e-5) * 1e7));
      rows.putInt((int) Math.round(7.5 * 1e7));
      rows.putInt((int) Math.round((1400 - i * 0.1) * 1000));
      rows.putInt(11_000); // 2D speed, 11 m/s
      rows.putInt(11_000);
      rows.putInt((int) days);
      rows.putInt(12 * 3600_000 + i * 100); // seconds since midnight, ms
      rows.putShort((short) 125); // DOP 1.25
      rows.putShort((short) fix);
    }
    byte[] type = "lllllllSS".getBytes(StandardCharsets.ISO_8859_1);
    return GpmfMp4.nest(
        "DEVC",
        GpmfMp4.klv("DVID", 'L', 4, 1, GpmfMp4.ints(1)),
        GpmfMp4.nest(
            "STRM",
            GpmfMp4.klv("STNM", 'c', 3, 1, "GPS".getBytes(StandardCharsets.ISO_8859_1)),
            GpmfMp4.klv(
                "SCAL",
                'l',
                4,
                9,
                GpmfMp4.ints(10_000_000, 10_000_000, 1000, 1000, 1000, 1, 1000, 100, 1)),
            GpmfMp4.klv("TYPE", 'c', type.length, 1, type),
            GpmfMp4.klv("GPS9", '?', 32, n, rows.array())));
  }
}
