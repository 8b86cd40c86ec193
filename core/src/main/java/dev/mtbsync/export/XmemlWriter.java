package dev.mtbsync.export;

import java.io.IOException;
import java.io.OutputStream;
import org.w3c.dom.Element;

/**
 * Final Cut Pro 7 XML (xmeml version 5), the XML Premiere Pro imports: a sequence holding the new
 * video on one video track (and its sound on one audio track when it has sound), with one sequence
 * marker per transferred marker.
 *
 * <p>Marker {@code in} is a whole frame counted from the sequence's start; {@code out} -1 makes it
 * a point marker, a later frame a range (a sector). The comment goes in {@code <comment>}, and the
 * colour in {@code <pproColor>}, which Premiere Pro reads (Final Cut Pro 7 ignores it). The
 * sequence and the clip items are at the timeline's rate; the {@code <file>} keeps the video's own
 * rate, length and start timecode (GoPro's), whatever rate the timeline runs at. Without a known
 * video the track stays empty (no file to relink) and the markers sit on the sequence alone.
 */
final class XmemlWriter implements MarkerWriter {

  /** Frame size written when the video is unknown. */
  private static final int DEFAULT_WIDTH = 1920;

  private static final int DEFAULT_HEIGHT = 1080;

  /** Bits per sample written for the sound track: the depth editors assume for AAC. */
  private static final int AUDIO_DEPTH = 16;

  @Override
  public void write(ExportJob job, OutputStream out) throws IOException {
    XmlDocument xml = XmlDocument.create("xmeml");
    xml.root().setAttribute("version", "5");
    long length = job.lengthFrames();

    Element sequence = xml.add(xml.root(), "sequence", "id", "sequence-1");
    xml.text(sequence, "name", job.clipName() + " markers");
    xml.text(sequence, "duration", length);
    rate(xml, sequence, job.rate());
    timecode(xml, sequence, job.timecode(), job.timelineStart());

    Element media = xml.add(sequence, "media");
    Element track = xml.add(xml.add(media, "video"), "track");
    if (job.mediaUri() != null) {
      Element video = clipItem(xml, track, job, "clipitem-1", length);
      file(xml, video, job);
      if (job.source().hasAudio()) {
        Element sound =
            clipItem(xml, xml.add(xml.add(media, "audio"), "track"), job, "clipitem-2", length);
        xml.add(sound, "file", "id", "file-1");
        Element sourceTrack = xml.add(sound, "sourcetrack");
        xml.text(sourceTrack, "mediatype", "audio");
        xml.text(sourceTrack, "trackindex", 1);
      }
    }
    for (PlacedMarker p : job.placed()) {
      Element marker = xml.add(sequence, "marker");
      xml.text(marker, "name", p.marker().name());
      xml.text(marker, "comment", p.marker().comment() == null ? "" : p.marker().comment());
      xml.text(marker, "in", p.frame());
      xml.text(marker, "out", p.isRange() ? p.frame() + p.duration() : -1);
      xml.text(marker, "pproColor", MarkerColours.premiere(p.marker()));
    }
    xml.write(out);
  }

  /** The new video on a track, from its first frame to its last, in timeline frames. */
  private static Element clipItem(
      XmlDocument xml, Element track, ExportJob job, String id, long length) {
    Element clip = xml.add(track, "clipitem", "id", id);
    xml.text(clip, "name", job.clipName());
    xml.text(clip, "duration", length);
    rate(xml, clip, job.rate());
    xml.text(clip, "start", 0);
    xml.text(clip, "end", length);
    xml.text(clip, "in", 0);
    xml.text(clip, "out", length);
    return clip;
  }

  /** The video file as it is: its own rate, length, start timecode, size and sound. */
  private static void file(XmlDocument xml, Element clip, ExportJob job) {
    ExportJob.Media source = job.source();
    Element file = xml.add(clip, "file", "id", "file-1");
    xml.text(file, "name", job.clipName());
    xml.text(file, "pathurl", MediaUri.localhost(job));
    rate(xml, file, source.rate());
    xml.text(file, "duration", job.sourceLengthFrames());
    timecode(xml, file, source.timecode(), source.start());
    Element media = xml.add(file, "media");
    Element size = xml.add(xml.add(media, "video"), "samplecharacteristics");
    xml.text(size, "width", job.width() > 0 ? job.width() : DEFAULT_WIDTH);
    xml.text(size, "height", job.height() > 0 ? job.height() : DEFAULT_HEIGHT);
    if (source.hasAudio()) {
      Element audio = xml.add(media, "audio");
      Element sound = xml.add(audio, "samplecharacteristics");
      xml.text(sound, "depth", AUDIO_DEPTH);
      xml.text(sound, "samplerate", source.audioSampleRate());
      xml.text(audio, "channelcount", source.audioChannels());
    }
  }

  private static void rate(XmlDocument xml, Element parent, FrameRate rate) {
    Element r = xml.add(parent, "rate");
    xml.text(r, "timebase", rate.timebase());
    xml.text(r, "ntsc", rate.ntsc() ? "TRUE" : "FALSE");
  }

  /** A timecode element: the label of {@code start} and its frame count, at {@code tc}'s rate. */
  private static void timecode(XmlDocument xml, Element parent, Timecode tc, long start) {
    Element e = xml.add(parent, "timecode");
    rate(xml, e, tc.rate());
    xml.text(e, "string", tc.format(start));
    xml.text(e, "frame", start);
    xml.text(e, "displayformat", tc.dropFrame() ? "DF" : "NDF");
  }
}
