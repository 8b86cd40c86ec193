package dev.mtbsync.gps;

import com.garmin.fit.Decode;
import com.garmin.fit.FitRuntimeException;
import com.garmin.fit.MesgBroadcaster;
import com.garmin.fit.RecordMesg;
import dev.mtbsync.io.InputPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** FIT activity files (Garmin and other watches and bike computers), via Garmin's FIT SDK. */
public final class FitFiles {

  /** FIT positions are semicircles: 2^31 of them make 180 degrees. */
  private static final double DEGREES_PER_SEMICIRCLE = 180.0 / (1L << 31);

  private FitFiles() {}

  /**
   * Reads the positioned {@code record} messages in time order. Records without a position (heart
   * rate or power only, before the first fix) are left out and counted in the track's detail.
   *
   * @throws GpsFormatException when the file is empty, not FIT, fails its checksum, or has no
   *     positioned records
   */
  public static GpsTrack read(Path file) throws IOException {
    InputPaths.file(file);
    if (Files.size(file) == 0) {
      throw new GpsFormatException(file, "file is empty (0 bytes)");
    }
    try (InputStream in = Files.newInputStream(file)) {
      if (!new Decode().isFileFit(in)) {
        throw new GpsFormatException(file, "not a FIT file (no .FIT header)");
      }
    }
    try (InputStream in = Files.newInputStream(file)) {
      if (!new Decode().checkFileIntegrity(in)) {
        throw new GpsFormatException(file, "FIT file is truncated or corrupt (checksum fails)");
      }
    } catch (FitRuntimeException e) {
      throw new GpsFormatException(
          file, "FIT file is truncated or corrupt (" + e.getMessage() + ")", e);
    }
    Decode decode = new Decode();
    List<TrackPoint> points = new ArrayList<>();
    int[] unpositioned = {0};
    MesgBroadcaster broadcaster = new MesgBroadcaster(decode);
    broadcaster.addListener(
        (RecordMesg r) -> {
          TrackPoint p = point(r);
          if (p != null) {
            points.add(p);
          } else {
            unpositioned[0]++;
          }
        });
    try (InputStream in = Files.newInputStream(file)) {
      decode.read(in, broadcaster);
    } catch (FitRuntimeException e) {
      throw new GpsFormatException(
          file, "FIT file is truncated or corrupt (" + e.getMessage() + ")", e);
    }
    if (points.isEmpty()) {
      throw new GpsFormatException(
          file, "has no positioned records (" + unpositioned[0] + " records without a position)");
    }
    points.sort(Comparator.comparing(TrackPoint::time));
    String detail =
        unpositioned[0] > 0 ? unpositioned[0] + " records without a position ignored" : "";
    return new GpsTrack(file, "fit", points, null, detail);
  }

  /** The record's fix, or null when it has no position or time. */
  private static TrackPoint point(RecordMesg r) {
    Integer lat = r.getPositionLat();
    Integer lon = r.getPositionLong();
    if (lat == null || lon == null || r.getTimestamp() == null) {
      return null;
    }
    Float ele = r.getEnhancedAltitude() != null ? r.getEnhancedAltitude() : r.getAltitude();
    Instant time = r.getTimestamp().getDate().toInstant();
    return new TrackPoint(
        lat * DEGREES_PER_SEMICIRCLE,
        lon * DEGREES_PER_SEMICIRCLE,
        ele == null ? Double.NaN : Math.round(ele * 100) / 100.0,
        time);
  }
}
