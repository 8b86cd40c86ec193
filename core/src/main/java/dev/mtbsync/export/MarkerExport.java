package dev.mtbsync.export;

import dev.mtbsync.config.ConfigException;
import dev.mtbsync.markers.MarkerCsv;
import dev.mtbsync.markers.NewMarker;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Exports transferred markers to an editor format: works out the rate, timecode mode and clip
 * placement (from the new video when one is known), places every marker on its nearest frame (see
 * {@link MarkerPlacement}), leaves out (and reports) those that land on no frame of the clip or
 * past 24:00:00:00, joins (and reports) markers on one frame where the format keeps one per frame,
 * and writes the file atomically.
 */
public final class MarkerExport {

  private MarkerExport() {}

  /**
   * Runs one export.
   *
   * @throws IllegalArgumentException for a bad setting (rate, timecode, reel), naming it
   * @throws IOException when a file cannot be read or written, naming it, or when no marker lands
   *     on the clip
   */
  public static ExportResult run(ExportRequest req) throws IOException {
    req.validate();
    List<NewMarker> markers = MarkerCsv.readNew(req.markers());
    Path video =
        req.video() != null ? req.video() : ClipProbe.runFolderVideo(req.markers()).orElse(null);
    return export(req, markers, video == null ? null : ClipProbe.probe(video));
  }

  /**
   * Renders one export into a stream, writing no file: for a server that hands the file out. Only
   * the video the request names is probed (none: the rate is assumed, as {@link #run} does without
   * one); the run folder's run.json is not consulted, so the caller decides which video to trust.
   *
   * @param to receives the whole file; {@code req.json()} is ignored
   * @return what was rendered; its {@code file} is the name {@link #run} would have written
   * @throws IllegalArgumentException for a bad setting, naming it
   * @throws IOException when the markers or the video cannot be read, or no marker lands on the
   *     clip
   */
  public static ExportResult render(ExportRequest req, OutputStream to) throws IOException {
    req.validate();
    List<NewMarker> markers = MarkerCsv.readNew(req.markers());
    return export(req, markers, req.video() == null ? null : ClipProbe.probe(req.video()), to);
  }

  /** Exports markers already read, onto a clip already probed (null: no video known). */
  static ExportResult export(ExportRequest req, List<NewMarker> markers, SourceClip clip)
      throws IOException {
    return export(req, markers, clip, null);
  }

  /** As above; into {@code to} rather than files when it is not null. */
  private static ExportResult export(
      ExportRequest req, List<NewMarker> markers, SourceClip clip, OutputStream to)
      throws IOException {
    Path video = clip == null ? null : clip.file();
    List<String> notes = new ArrayList<>();

    FrameRate rate = rate(req, clip, notes);
    FrameRate ownRate = ownRate(clip, rate, notes);
    ClipTimecode own = ClipTimecode.of(clip, ownRate, notes);
    boolean dropFrame =
        req.dropFrame() != null
            ? req.dropFrame()
            : own != null ? own.dropFrame() && rate.allowsDropFrame() : rate.allowsDropFrame();
    Timecode tc = new Timecode(rate, dropFrame);
    long timelineStart =
        tc.parse(req.startTc() != null ? req.startTc() : req.preset().defaultStart());
    // the clip keeps its own rate and timecode; without one it counts from zero in the timeline's
    // mode, or at its own rate in the mode that rate allows
    Timecode sourceTc =
        own != null
            ? own.timecode()
            : ownRate.equals(rate) ? tc : new Timecode(ownRate, ownRate.allowsDropFrame());
    long sourceStart = own == null ? 0 : own.frames();
    MarkerPlacement.Clip span = MarkerPlacement.Clip.of(clip, rate);

    MarkerWriter writer = writer(req.preset());
    List<SkippedMarker> skipped = new ArrayList<>();
    List<MergedMarker> merged = new ArrayList<>();
    List<PlacedMarker> placed =
        MarkerPlacement.place(
            markers,
            rate,
            span,
            MarkerPlacement.Midnight.of(
                tc, timelineStart, sourceTc, sourceStart, writer.writesSourceTimecode()),
            skipped);
    if (writer.onePerFrame()) {
      placed = MarkerPlacement.onePerFrame(placed, f -> tc.format(timelineStart + f), merged);
    }
    if (req.sectors()) {
      placed = MarkerPlacement.sectors(placed);
      if (!writer.hasRanges()) {
        notes.add(req.preset() + " has no range markers, so the sectors are written as points");
      }
    }
    if (placed.size() > writer.capacity()) {
      List<PlacedMarker> over = placed.subList(writer.capacity(), placed.size());
      for (PlacedMarker p : over) {
        skipped.add(
            new SkippedMarker(
                p.marker().name(),
                p.marker().tNew(),
                "the format holds at most " + writer.capacity() + " markers"));
      }
      over.clear();
    }
    if (placed.isEmpty() && skipped.isEmpty()) {
      throw new IOException(req.markers() + ": holds no markers, nothing to export");
    }
    if (placed.isEmpty()) {
      throw new IOException(
          req.markers()
              + ": no marker lands on the clip, nothing to export ("
              + skipped.get(0).name()
              + ": "
              + skipped.get(0).reason()
              + (skipped.size() > 1 ? "; and " + (skipped.size() - 1) + " more" : "")
              + ")");
    }

    if (video == null && req.preset() == ExportPreset.FCPXML) {
      notes.add("no video known, so the markers sit on a gap, not on a clip (give --video)");
    } else if (video == null && req.preset() == ExportPreset.PREMIERE) {
      notes.add("no video known, so the markers sit on an empty sequence (give --video)");
    }
    if (req.chapters()) {
      long toReview = placed.stream().filter(p -> p.marker().needsReview()).count();
      if (toReview > 0) {
        notes.add(
            toReview
                + " marker(s) to review are chapter markers, which have no to-do state in Final"
                + " Cut Pro");
      }
    }
    String clipName =
        req.clipName() != null ? req.clipName() : baseName(video != null ? video : req.markers());
    ExportJob job =
        new ExportJob(
            markers,
            List.copyOf(placed),
            List.copyOf(skipped),
            List.copyOf(merged),
            tc,
            timelineStart,
            new ExportJob.Media(
                sourceTc,
                sourceStart,
                clip == null ? -1 : clip.framesAt(ownRate),
                clip == null ? 0 : clip.audioChannels(),
                clip == null ? 0 : clip.audioSampleRate()),
            span.frames(),
            clipName,
            video == null ? null : video.toAbsolutePath().toUri().toASCIIString(),
            clip == null ? 0 : clip.width(),
            clip == null ? 0 : clip.height(),
            req.reel(),
            req.chapters());
    Path out = req.out() != null ? req.out() : defaultOut(req.markers(), req.preset());
    Path json = null;
    if (to != null) {
      writer.write(job, to);
    } else {
      write(out, job, writer);
    }
    if (to == null && req.json()) {
      json = out.resolveSibling(out.getFileName() + ".json");
      write(json, job, new JsonMarkerWriter());
    }
    return new ExportResult(
        out,
        json,
        req.preset(),
        tc,
        tc.format(timelineStart),
        own == null ? null : own.label(),
        video,
        placed.size(),
        List.copyOf(skipped),
        List.copyOf(merged),
        List.copyOf(notes));
  }

  /** The default output: the markers file's name with the preset's suffix, beside it. */
  public static Path defaultOut(Path markers, ExportPreset preset) {
    return markers.resolveSibling(baseName(markers) + preset.suffix());
  }

  private static FrameRate rate(ExportRequest req, SourceClip clip, List<String> notes) {
    if (req.fps() != null) {
      return req.fps();
    }
    if (clip != null) {
      return FrameRate.nearest(clip.fps())
          .orElseThrow(
              () ->
                  new ConfigException(
                      "fps",
                      String.format(
                          Locale.ROOT,
                          "must be given: %s runs at %.3f fps, which is not a timeline rate (one of"
                              + " %s)",
                          clip.file(),
                          clip.fps(),
                          String.join(
                              ", ", FrameRate.ALL.stream().map(FrameRate::label).toList()))));
    }
    notes.add("no video known, so 29.97 fps assumed (give --video or --fps)");
    return FrameRate.FPS_29_97;
  }

  /**
   * The clip's own rate: the editor rate it runs at; the timeline's when no video is known, or when
   * the video runs at a rate editors do not use (high-speed footage played on a timeline).
   */
  private static FrameRate ownRate(SourceClip clip, FrameRate rate, List<String> notes) {
    if (clip == null) {
      return rate;
    }
    return clip.ownRate()
        .orElseGet(
            () -> {
              notes.add(
                  String.format(
                      Locale.ROOT,
                      "the video runs at %.3f fps, not an editor rate, so its own timecode is"
                          + " written at %s",
                      clip.fps(),
                      rate));
              return rate;
            });
  }

  private static MarkerWriter writer(ExportPreset preset) {
    return switch (preset) {
      case CSV -> new CsvMarkerWriter();
      case RESOLVE_EDL -> EdlWriter.resolve();
      case EDL -> EdlWriter.plain();
      case FCPXML -> new FcpxmlWriter();
      case PREMIERE -> new XmemlWriter();
      case AVID -> new AvidMarkerWriter();
    };
  }

  private static void write(Path file, ExportJob job, MarkerWriter writer) throws IOException {
    ExportFiles.write(file, out -> writer.write(job, out));
  }

  /** A file's name without its last extension. */
  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
