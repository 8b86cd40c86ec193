package dev.mtbsync.export;

import dev.mtbsync.markers.NewMarker;
import java.io.IOException;
import java.io.OutputStream;
import org.w3c.dom.Element;

/**
 * FCPXML 1.10 (Final Cut Pro 10.6 and later; DaVinci Resolve imports it too): one project whose
 * spine holds an asset-clip of the new video, carrying one marker per transferred marker.
 *
 * <p>Times are rational seconds, whole frames of {@code frameDuration} ({@code 1001/30000s} at
 * 29.97, {@code 100/2500s} at 25), as Final Cut Pro wants: a time between frames makes it insert a
 * gap and warn. Markers on an asset-clip are in the clip's own time, which starts at the file's
 * start timecode (the asset's {@code start}), so a GoPro clip whose timecode starts at 19:26:48:04
 * gets markers at 19:26:48:04 plus their offset. Markers that need review are to-do markers ({@code
 * completed="0"}), which Final Cut Pro shows in red.
 *
 * <p>Without a known video there is no media to point at, so the spine holds a {@code gap} (which
 * the DTD lets carry markers) instead of an asset-clip, and no asset is written: markers on a gap
 * import without a relink prompt, counted from the timeline's start.
 */
final class FcpxmlWriter implements MarkerWriter {

  static final String VERSION = "1.10";

  /** Frame size written when the video is unknown. */
  private static final int DEFAULT_WIDTH = 1920;

  private static final int DEFAULT_HEIGHT = 1080;

  @Override
  public void write(ExportJob job, OutputStream out) throws IOException {
    XmlDocument xml = XmlDocument.create("fcpxml");
    Element root = xml.root();
    root.setAttribute("version", VERSION);
    String length = time(job, job.lengthFrames());
    String clipStart = time(job, job.sourceStart());
    String tcFormat = job.timecode().dropFrame() ? "DF" : "NDF";

    Element resources = xml.add(root, "resources");
    xml.add(
        resources,
        "format",
        "id",
        "r1",
        "frameDuration",
        time(job, 1),
        "width",
        Integer.toString(job.width() > 0 ? job.width() : DEFAULT_WIDTH),
        "height",
        Integer.toString(job.height() > 0 ? job.height() : DEFAULT_HEIGHT));
    boolean media = job.mediaUri() != null;
    Element asset =
        !media
            ? null
            : xml.add(
                resources,
                "asset",
                "id",
                "r2",
                "name",
                job.clipName(),
                "start",
                clipStart,
                "duration",
                length,
                "hasVideo",
                "1",
                "format",
                "r1");
    if (media) {
      xml.add(asset, "media-rep", "kind", "original-media", "src", job.mediaUri());
    }

    Element event = xml.add(xml.add(root, "library"), "event", "name", "mtbsync");
    Element project = xml.add(event, "project", "name", job.clipName() + " markers");
    Element sequence =
        xml.add(
            project,
            "sequence",
            "format",
            "r1",
            "duration",
            length,
            "tcStart",
            time(job, job.timelineStart()),
            "tcFormat",
            tcFormat);
    Element spine = xml.add(sequence, "spine");
    long origin = media ? job.sourceStart() : 0;
    Element clip =
        !media
            ? xml.add(
                spine,
                "gap",
                "name",
                job.clipName(),
                "offset",
                time(job, job.timelineStart()),
                "duration",
                length)
            : xml.add(
                spine,
                "asset-clip",
                "ref",
                "r2",
                "name",
                job.clipName(),
                "offset",
                time(job, job.timelineStart()),
                "start",
                clipStart,
                "duration",
                length,
                "format",
                "r1",
                "tcFormat",
                tcFormat);
    for (PlacedMarker p : job.placed()) {
      NewMarker m = p.marker();
      Element marker =
          xml.add(
              clip,
              "marker",
              "start",
              time(job, origin + p.frame()),
              "duration",
              time(job, 1),
              "value",
              m.name());
      if (m.comment() != null && !m.comment().isBlank()) {
        marker.setAttribute("note", EditorText.xml(m.comment()));
      }
      if (m.needsReview()) {
        marker.setAttribute("completed", "0");
      }
    }
    xml.write(out);
  }

  /** A frame count as FCPXML time: {@code 0s}, or frames times the frame duration. */
  static String time(ExportJob job, long frames) {
    if (frames == 0) {
      return "0s";
    }
    FrameRate r = job.rate();
    // 1001/30000s per frame at 29.97; 100/2500s at 25, the form Final Cut Pro writes
    long num = r.ntsc() ? 1001 : 100;
    long den = r.ntsc() ? r.timebase() * 1000L : r.timebase() * 100L;
    return frames * num + "/" + den + "s";
  }
}
