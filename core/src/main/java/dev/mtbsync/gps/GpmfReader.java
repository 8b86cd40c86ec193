package dev.mtbsync.gps;

import dev.mtbsync.io.InputPaths;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The GPS that GoPro cameras record inside their MP4s (GPMF telemetry in the {@code gpmd} track):
 * {@code GPS5} (HERO5 to HERO11: latitude, longitude, altitude, 2D and 3D speed, with {@code GPSF}
 * fix, {@code GPSP} precision and {@code GPSU} UTC once a payload) and {@code GPS9} (HERO11 and
 * later: each sample carries its own UTC, precision and fix).
 *
 * <p>Each fix is timed on the video's own clock: a payload covers the span its sample-table entry
 * gives it, and its samples are spread evenly over that span (as gpmf-parser's {@code
 * GetPayloadTime} does; GPMF itself carries no sample rate). The camera's GPS time then places that
 * clock on UTC, so {@code time - videoStart} of every returned fix is its video time.
 */
public final class GpmfReader {

  private static final Instant GPS9_EPOCH = Instant.parse("2000-01-01T00:00:00Z");
  private static final DateTimeFormatter GPSU =
      DateTimeFormatter.ofPattern("yyMMddHHmmss.SSS", Locale.ROOT);

  private GpmfReader() {}

  /**
   * Reads every GPS sample of the video's telemetry, fixes and non-fixes alike (a sample the camera
   * marks as without a fix keeps {@link TrackPoint#FIX_NONE}).
   *
   * @throws NoGpsException when the file has no telemetry track or no GPS stream in it
   * @throws GpsFormatException when the file is not an MP4/MOV or its telemetry is unreadable
   */
  public static GpsTrack read(Path video) throws IOException {
    InputPaths.file(video);
    Mp4Boxes.Movie movie;
    try {
      movie = Mp4Boxes.read(video);
    } catch (IOException e) {
      throw new GpsFormatException(video, e.getMessage(), e);
    }
    Mp4Boxes.Track meta =
        movie.tracks().stream().filter(t -> t.format().equals("gpmd")).findFirst().orElse(null);
    if (meta == null) {
      throw new NoGpsException(video, "no GoPro telemetry (no gpmd track)");
    }
    // HERO11 records both streams; GPS9 carries a time, DOP and fix for every sample
    Collector gps9 = new Collector("GPS9");
    Collector gps5 = new Collector("GPS5");
    try (FileChannel ch = FileChannel.open(video, StandardOpenOption.READ)) {
      for (Mp4Boxes.Sample s : meta.samples()) {
        if (s.size() < 8 || s.offset() + s.size() > ch.size()) {
          continue; // an empty or cut-off payload: the others still count
        }
        ByteBuffer payload = Mp4Boxes.readFully(ch, s.offset(), s.size());
        for (Klv devc : Klv.parse(payload)) {
          for (Klv strm : devc.children()) {
            if (strm.key().equals("STRM")) {
              List<Klv> items = strm.children();
              gps9.stream(items, s.startSec(), s.durationSec());
              gps5.stream(items, s.startSec(), s.durationSec());
            }
          }
        }
      }
    }
    Collector c = gps9.points.isEmpty() ? gps5 : gps9;
    if (c.points.isEmpty()) {
      throw new NoGpsException(
          video, "GoPro telemetry without GPS (no GPS5 or GPS9 stream; " + c.keys() + ")");
    }
    Instant start = c.videoStart(movie.creationTime());
    List<TrackPoint> points = new ArrayList<>(c.points.size());
    for (int i = 0; i < c.points.size(); i++) {
      TrackPoint p = c.points.get(i);
      Instant at = start.plusNanos(Math.round(c.videoSec.get(i) * 1e9));
      points.add(new TrackPoint(p.lat(), p.lon(), p.elevation(), at, p.dop(), p.fix()));
    }
    double span = c.videoSec.get(c.videoSec.size() - 1) - c.videoSec.get(0);
    long noFix = points.stream().filter(p -> p.fix() == TrackPoint.FIX_NONE).count();
    String detail =
        String.format(
            Locale.ROOT,
            "%s, %.1f Hz%s%s",
            c.key,
            span > 0 ? (points.size() - 1) / span : 0,
            noFix > 0 ? ", " + noFix + " samples without a fix" : "",
            c.utcAnchors == 0 ? ", no GPS time (clock from the file's creation time)" : "");
    return new GpsTrack(video, "gpmf", points, start, detail);
  }

  /** Gathers the samples of one GPS stream, payload by payload. */
  private static final class Collector {
    final String key;
    final List<TrackPoint> points = new ArrayList<>();
    final List<Double> videoSec = new ArrayList<>();

    /** UTC minus video time, one per payload (GPS5) or sample (GPS9) with a fix. */
    final List<Long> offsetsMs = new ArrayList<>();

    final java.util.Set<String> seen = new java.util.TreeSet<>();
    int utcAnchors;

    Collector(String key) {
      this.key = key;
    }

    void stream(List<Klv> items, double startSec, double durationSec) {
      double[] scale = {1};
      String type = null;
      int fix = TrackPoint.FIX_UNKNOWN;
      double dop = Double.NaN;
      Instant utc = null;
      Klv data = null;
      for (Klv k : items) {
        seen.add(k.key());
        switch (k.key()) {
          case "SCAL" -> scale = k.numbers();
          case "TYPE" -> type = k.text();
          case "GPSF" -> fix = (int) first(k, TrackPoint.FIX_UNKNOWN);
          case "GPSP" -> dop = first(k, Double.NaN) / 100;
          case "GPSU" -> utc = gpsu(k.text());
          case "GPS5", "GPS9" -> data = k.key().equals(key) ? k : data;
          default -> {}
        }
      }
      if (data == null || data.repeat() == 0) {
        return;
      }
      String fields = data.type() == '?' && type != null ? type : repeat(data.type(), data);
      int[] at = offsets(fields);
      if (at == null || at[at.length - 1] > data.structSize() || fields.length() < 5) {
        return; // a layout this reader does not know: no guessing at positions
      }
      int n = data.repeat();
      for (int i = 0; i < n; i++) {
        int base = i * data.structSize();
        double[] v = new double[fields.length()];
        for (int f = 0; f < v.length; f++) {
          double s = scale.length == 0 ? 1 : scale[Math.min(f, scale.length - 1)];
          v[f] = Klv.number(data.value(), base + at[f], fields.charAt(f)) / (s == 0 ? 1 : s);
        }
        double t = startSec + i * durationSec / n;
        int sampleFix = fix;
        double sampleDop = dop;
        if (data.key().equals("GPS9") && v.length >= 9) {
          sampleDop = v[7];
          sampleFix = (int) v[8];
          Instant when =
              GPS9_EPOCH.plus(Duration.ofMillis(Math.round((v[5] * 86400 + v[6]) * 1e3)));
          if (sampleFix >= 2) {
            offsetsMs.add(Math.round((when.toEpochMilli() / 1e3 - t) * 1e3));
            utcAnchors++;
          }
        }
        if (v[0] == 0 && v[1] == 0) {
          sampleFix = TrackPoint.FIX_NONE; // a receiver without a fix reports the null island
        }
        points.add(new TrackPoint(v[0], v[1], v[2], Instant.EPOCH, sampleDop, sampleFix));
        videoSec.add(t);
      }
      if (data.key().equals("GPS5") && utc != null && fix != TrackPoint.FIX_NONE) {
        offsetsMs.add(Math.round((utc.toEpochMilli() / 1e3 - startSec) * 1e3));
        utcAnchors++;
      }
    }

    /** The video's first frame on UTC: the median of the GPS time anchors. */
    Instant videoStart(Instant creationTime) {
      if (offsetsMs.isEmpty()) {
        return creationTime != null ? creationTime : Instant.EPOCH;
      }
      long[] o = offsetsMs.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(o);
      return Instant.ofEpochMilli(o[o.length / 2]);
    }

    String keys() {
      return "streams: " + String.join(" ", seen);
    }
  }

  private static double first(Klv k, double otherwise) {
    double[] v = k.numbers();
    return v.length == 0 ? otherwise : v[0];
  }

  /** A struct of one numeric type: one field per value that fits. */
  private static String repeat(char type, Klv data) {
    int w = Klv.width(type);
    return w == 0 ? "" : String.valueOf(type).repeat(data.structSize() / w);
  }

  /** Byte offset of each field, then the struct's end; null for an unknown type. */
  private static int[] offsets(String fields) {
    int[] at = new int[fields.length() + 1];
    for (int f = 0; f < fields.length(); f++) {
      int w = Klv.width(fields.charAt(f));
      if (w == 0) {
        return null;
      }
      at[f + 1] = at[f] + w;
    }
    return at;
  }

  /** {@code GPSU}: "yymmddhhmmss.sss" in UTC; null when unreadable. */
  static Instant gpsu(String text) {
    try {
      return LocalDateTime.parse(text.strip(), GPSU).toInstant(ZoneOffset.UTC);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
