package dev.mtbsync.gps;

import dev.mtbsync.runs.AtomicFiles;
import io.jenetics.jpx.GPX;
import io.jenetics.jpx.WayPoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** GPX 1.1 reading and writing (via io.jenetics:jpx). */
public final class GpxFiles {

  private GpxFiles() {}

  /** Writes one track of one segment, atomically. */
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
                                WayPoint.Builder b =
                                    WayPoint.builder().lat(p.lat()).lon(p.lon()).time(p.time());
                                if (!Double.isNaN(p.elevation())) {
                                  b.ele(p.elevation());
                                }
                                segment.addPoint(b.build());
                              }
                            }))
            .build();
    AtomicFiles.write(file, temp -> GPX.Writer.of(GPX.Writer.Indent.SPACE2).write(gpx, temp));
  }
}
