package dev.mtbsync.export;

import java.io.IOException;
import java.io.OutputStream;
import org.w3c.dom.Element;

/**
 * Final Cut Pro 7 XML (xmeml version 5), the XML Premiere Pro imports: a sequence holding the new
 * video on one video track, with one sequence marker per transferred marker.
 *
 * <p>Marker {@code in} is a whole frame counted from the sequence's start; {@code out} -1 makes it
 * a point marker. The file element carries the clip's own start timecode (GoPro's), the sequence
 * the timeline's. Without a known video the track stays empty (no file to relink) and the markers
 * sit on the sequence alone.
 */
final class XmemlWriter implements MarkerWriter {

  /** Frame size written when the video is unknown. */
  private static final int DEFAULT_WIDTH = 1920;

  private static final int DEFAULT_HEIGHT = 1080;

  @Override
  public void write(ExportJob job, OutputStream out) throws IOException {
    XmlDocument xml = XmlDocument.create("xmeml");
    xml.root().setAttribute("version", "5");
    long length = job.lengthFrames();

    Element sequence = xml.add(xml.root(), "sequence", "id", "sequence-1");
    xml.text(sequence, "name", job.clipName() + " markers");
    xml.text(sequence, "duration", length);
    rate(xml, sequence, job);
    timecode(xml, sequence, job, job.timelineStart());

    Element track = xml.add(xml.add(xml.add(sequence, "media"), "video"), "track");
    if (job.mediaUri() != null) {
      clipItem(xml, track, job, length);
    }
    for (PlacedMarker p : job.placed()) {
      Element marker = xml.add(sequence, "marker");
      xml.text(marker, "name", p.marker().name());
      xml.text(marker, "comment", p.marker().comment() == null ? "" : p.marker().comment());
      xml.text(marker, "in", p.frame());
      xml.text(marker, "out", -1);
    }
    xml.write(out);
  }

  /** The new video on the track, from its first frame to its last. */
  private static void clipItem(XmlDocument xml, Element track, ExportJob job, long length) {
    Element clip = xml.add(track, "clipitem", "id", "clipitem-1");
    xml.text(clip, "name", job.clipName());
    xml.text(clip, "duration", length);
    rate(xml, clip, job);
    xml.text(clip, "start", 0);
    xml.text(clip, "end", length);
    xml.text(clip, "in", 0);
    xml.text(clip, "out", length);
    Element file = xml.add(clip, "file", "id", "file-1");
    xml.text(file, "name", job.clipName());
    xml.text(file, "pathurl", MediaUri.localhost(job));
    rate(xml, file, job);
    xml.text(file, "duration", length);
    timecode(xml, file, job, job.sourceStart());
    Element size = xml.add(xml.add(xml.add(file, "media"), "video"), "samplecharacteristics");
    xml.text(size, "width", job.width() > 0 ? job.width() : DEFAULT_WIDTH);
    xml.text(size, "height", job.height() > 0 ? job.height() : DEFAULT_HEIGHT);
  }

  private static void rate(XmlDocument xml, Element parent, ExportJob job) {
    Element rate = xml.add(parent, "rate");
    xml.text(rate, "timebase", job.rate().timebase());
    xml.text(rate, "ntsc", job.rate().ntsc() ? "TRUE" : "FALSE");
  }

  /** A timecode element: the label of {@code start} and its frame count. */
  private static void timecode(XmlDocument xml, Element parent, ExportJob job, long start) {
    Element tc = xml.add(parent, "timecode");
    rate(xml, tc, job);
    xml.text(tc, "string", job.timecode().format(start));
    xml.text(tc, "frame", start);
    xml.text(tc, "displayformat", job.timecode().dropFrame() ? "DF" : "NDF");
  }
}
