package dev.mtbsync.export;

import dev.mtbsync.markers.NewMarker;
import java.io.IOException;
import java.io.OutputStream;
import org.w3c.dom.Element;

/**
 * FCPXML 1.10 (Final Cut Pro 10.6 and later; DaVinci Resolve imports it too): one project whose
 * spine holds an asset-clip of the new video, carrying one marker per transferred marker.
 *
 * <p>Times are rational seconds, whole frames of a {@code frameDuration} ({@code 1001/30000s} at
 * 29.97, {@code 100/2500s} at 25), as Final Cut Pro wants: a time between frames makes it insert a
 * gap and warn. The sequence and the clip's place on it are in timeline frames; the asset keeps the
 * video's own rate (its own {@code format}) and its own start timecode (the asset's {@code start}),
 * so a GoPro clip whose timecode starts at 19:26:48:04 at 29.97 is described so on a 25 fps
 * timeline too. Markers on an asset-clip are in the clip's own time: the asset's start plus whole
 * timeline frames, so each lands on the timeline frame the other formats name. Markers that need
 * review are to-do markers ({@code completed="0"}), which Final Cut Pro shows in red; a sector is a
 * marker with a duration; with chapters they are {@code chapter-marker}s. The comment goes in the
 * marker's {@code note}. When the video has sound the asset says so ({@code hasAudio}, channels,
 * rate), or Final Cut Pro imports the clip silent.
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
    FrameRate timeline = job.rate();
    ExportJob.Media source = job.source();
    String length = time(timeline, job.lengthFrames());
    String clipStart = time(source.rate(), source.start());
    boolean media = job.mediaUri() != null;
    String width = Integer.toString(job.width() > 0 ? job.width() : DEFAULT_WIDTH);
    String height = Integer.toString(job.height() > 0 ? job.height() : DEFAULT_HEIGHT);

    Element resources = xml.add(root, "resources");
    xml.add(
        resources,
        "format",
        "id",
        "r1",
        "frameDuration",
        time(timeline, 1),
        "width",
        width,
        "height",
        height);
    // the video's own format, when the timeline runs at another rate
    String assetFormat = media && job.mixedRates() ? "r3" : "r1";
    if (!assetFormat.equals("r1")) {
      xml.add(
          resources,
          "format",
          "id",
          assetFormat,
          "frameDuration",
          time(source.rate(), 1),
          "width",
          width,
          "height",
          height);
    }
    if (media) {
      Element asset =
          xml.add(
              resources,
              "asset",
              "id",
              "r2",
              "name",
              job.clipName(),
              "start",
              clipStart,
              "duration",
              time(source.rate(), job.sourceLengthFrames()),
              "hasVideo",
              "1",
              "format",
              assetFormat);
      if (source.hasAudio()) {
        asset.setAttribute("hasAudio", "1");
        asset.setAttribute("audioSources", "1");
        asset.setAttribute("audioChannels", Integer.toString(source.audioChannels()));
        asset.setAttribute("audioRate", Integer.toString(source.audioSampleRate()));
      }
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
            time(timeline, job.timelineStart()),
            "tcFormat",
            job.timecode().dropFrame() ? "DF" : "NDF");
    Element spine = xml.add(sequence, "spine");
    Element clip =
        !media
            ? xml.add(
                spine,
                "gap",
                "name",
                job.clipName(),
                "offset",
                time(timeline, job.timelineStart()),
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
                time(timeline, job.timelineStart()),
                "start",
                clipStart,
                "duration",
                length,
                "format",
                assetFormat,
                "tcFormat",
                source.timecode().dropFrame() ? "DF" : "NDF");
    for (PlacedMarker p : job.placed()) {
      NewMarker m = p.marker();
      Element marker =
          xml.add(
              clip,
              job.chapters() ? "chapter-marker" : "marker",
              "start",
              media
                  ? sum(source.rate(), source.start(), timeline, p.frame())
                  : time(timeline, p.frame()),
              "duration",
              time(timeline, p.duration()),
              "value",
              m.name());
      if (m.comment() != null && !m.comment().isBlank()) {
        marker.setAttribute("note", EditorText.xml(m.comment()));
      }
      if (m.needsReview() && !job.chapters()) {
        marker.setAttribute("completed", "0");
      }
    }
    xml.write(out);
  }

  /** A frame count at {@code rate} as FCPXML time: {@code 0s}, or frames times the duration. */
  static String time(FrameRate rate, long frames) {
    return frames == 0 ? "0s" : frames * num(rate) + "/" + den(rate) + "s";
  }

  /**
   * {@code a} frames at rate {@code ra} plus {@code b} frames at {@code rb}, exactly: over the
   * least common denominator, which is the rate's own ({@code 1001/30000s} form) when they agree.
   */
  static String sum(FrameRate ra, long a, FrameRate rb, long b) {
    long da = den(ra);
    long db = den(rb);
    long lcm = da / gcd(da, db) * db;
    long n = a * num(ra) * (lcm / da) + b * num(rb) * (lcm / db);
    return n == 0 ? "0s" : n + "/" + lcm + "s";
  }

  // 1001/30000s per frame at 29.97; 100/2500s at 25, the form Final Cut Pro writes
  private static long num(FrameRate r) {
    return r.ntsc() ? 1001 : 100;
  }

  private static long den(FrameRate r) {
    return r.ntsc() ? r.timebase() * 1000L : r.timebase() * 100L;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
