package dev.mtbsync.gps;

import dev.mtbsync.io.AtomicFiles;
import dev.mtbsync.io.InputPaths;
import io.jenetics.jpx.Fix;
import io.jenetics.jpx.GPX;
import io.jenetics.jpx.Length;
import io.jenetics.jpx.WayPoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/** GPX 1.0 and 1.1 reading, GPX 1.1 writing (via io.jenetics:jpx). */
public final class GpxFiles {

  private GpxFiles() {}

  /**
   * Reads every timed point of every track and segment, in time order. Points without a time are
   * left out (and counted in the track's detail): a GPS fix is useful here only with its time.
   *
   * @throws GpsFormatException when the file is empty, not GPX, or has no timed track points
   */
  public static GpsTrack read(Path file) throws IOException {
    InputPaths.file(file);
    if (Files.size(file) == 0) {
      throw new GpsFormatException(file, "file is empty (0 bytes)");
    }
    GPX gpx;
    try {
      gpx = GPX.Reader.of(version(file), GPX.Reader.Mode.LENIENT).read(file);
    } catch (IOException | RuntimeException e) {
      throw new GpsFormatException(file, "not a readable GPX file (" + reason(e) + ")", e);
    }
    List<TrackPoint> points = new ArrayList<>();
    int untimed = 0;
    for (WayPoint w : gpx.tracks().flatMap(t -> t.segments()).flatMap(s -> s.points()).toList()) {
      if (w.getTime().isEmpty()) {
        untimed++;
        continue;
      }
      points.add(
          new TrackPoint(
              w.getLatitude().doubleValue(),
              w.getLongitude().doubleValue(),
              w.getElevation().map(Length::doubleValue).orElse(Double.NaN),
              w.getTime().get(),
              w.getHdop().or(w::getPdop).orElse(Double.NaN),
              w.getFix().map(GpxFiles::fix).orElse(TrackPoint.FIX_UNKNOWN)));
    }
    if (points.isEmpty()) {
      throw new GpsFormatException(
          file,
          untimed > 0
              ? "has no timed track points (" + untimed + " points without a time)"
              : "has no track points");
    }
    points.sort(Comparator.comparing(TrackPoint::time)); // stable: a file's own order breaks ties
    String detail = untimed > 0 ? untimed + " points without a time ignored" : "";
    return new GpsTrack(file, "gpx", points, null, detail);
  }

  /** Writes one track of one segment, atomically, with each fix's DOP and fix type when known. */
  public static void write(Path file, String name, List<TrackPoint> points) throws IOException {
    GPX gpx =
        GPX.builder()
            .creator("mtbsync")
            .addTrack(
                track ->
                    track
                        .name(name)
                        .addSegment(
                            segment -> {
                              for (TrackPoint p : points) {
                                segment.addPoint(wayPoint(p));
                              }
                            }))
            .build();
    AtomicFiles.write(file, temp -> GPX.Writer.of(GPX.Writer.Indent.SPACE2).write(gpx, temp));
  }

  private static WayPoint wayPoint(TrackPoint p) {
    WayPoint.Builder b = WayPoint.builder().lat(p.lat()).lon(p.lon()).time(p.time());
    if (!Double.isNaN(p.elevation())) {
      b.ele(p.elevation());
    }
    if (p.fix() == TrackPoint.FIX_NONE) {
      b.fix(Fix.NONE);
    } else if (p.fix() == 2) {
      b.fix(Fix.DIM_2);
    } else if (p.fix() == 3) {
      b.fix(Fix.DIM_3);
    }
    if (!Double.isNaN(p.dop())) {
      b.pdop(p.dop());
    }
    return b.build();
  }

  private static int fix(Fix f) {
    return switch (f) {
      case NONE -> TrackPoint.FIX_NONE;
      case DIM_2 -> 2;
      default -> 3;
    };
  }

  /** GPX 1.0 and 1.1 differ in namespace, so jpx needs to be told which one it reads. */
  private static GPX.Version version(Path file) throws IOException {
    byte[] head = new byte[4096];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    String s = new String(head, 0, n, StandardCharsets.UTF_8);
    return s.contains("topografix.com/GPX/1/0") ? GPX.Version.V10 : GPX.Version.V11;
  }

  /** Where, not the parser's own words: a cut-off or hand-edited file is found from here. */
  private static String xmlBreaks(int line, int column) {
    return "the XML breaks off or is malformed at line " + line + ", column " + column;
  }

  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      if (root instanceof XMLStreamException) {
        break;
      }
      root = root.getCause();
    }
    if (root instanceof XMLStreamException x && x.getLocation() != null) {
      return xmlBreaks(x.getLocation().getLineNumber(), x.getLocation().getColumnNumber());
    }
    // the GPX reader passes the XML parser's failure on as text: "ParseError at [row,col]:[8,27]"
    java.util.regex.Matcher at =
        java.util.regex.Pattern.compile("\\[row,col\\]:\\[(\\d+),(\\d+)\\]")
            .matcher(String.valueOf(root.getMessage()));
    if (at.find()) {
      return xmlBreaks(Integer.parseInt(at.group(1)), Integer.parseInt(at.group(2)));
    }
    String m = root.getMessage();
    return m == null || m.isBlank()
        ? root.getClass().getSimpleName()
        : m.strip().replaceAll("\\s+", " ");
  }
}
