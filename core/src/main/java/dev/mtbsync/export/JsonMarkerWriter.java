package dev.mtbsync.export;

import dev.mtbsync.io.Json;
import dev.mtbsync.markers.NewMarker;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The placement as JSON (schema_version 1), for scripts: the rate and timecode used, the clip, each
 * written marker with its frame and both timecodes, each marker left out with the reason, and each
 * marker joined to another on its frame.
 */
final class JsonMarkerWriter implements MarkerWriter {

  static final int SCHEMA_VERSION = 1;

  @Override
  public void write(ExportJob job, OutputStream out) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema_version", SCHEMA_VERSION);
    root.put("fps", job.rate().label());
    root.put("frame_rate", job.rate().num() + "/" + job.rate().den());
    root.put("drop_frame", job.timecode().dropFrame());
    root.put("timeline_start", job.timelineLabel(0));
    Map<String, Object> clip = new LinkedHashMap<>();
    clip.put("name", job.clipName());
    clip.put("media", job.mediaUri());
    clip.put("start_timecode", job.sourceLabel(0));
    clip.put("fps", job.source().rate().label());
    clip.put("frames", job.clipFrames() > 0 ? job.clipFrames() : null);
    root.put("clip", clip);
    List<Map<String, Object>> markers = new ArrayList<>();
    for (PlacedMarker p : job.placed()) {
      NewMarker m = p.marker();
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("name", m.name());
      x.put("t_ref", Double.isNaN(m.tRef()) ? null : m.tRef());
      x.put("t_new", m.tNew());
      x.put("frame", p.frame());
      x.put("duration_frames", p.duration());
      x.put("timecode", job.timelineLabel(p.frame()));
      x.put("source_timecode", job.sourceLabel(job.sourceFrame(p)));
      x.put("confidence", m.confidence());
      x.put("needs_review", m.needsReview());
      x.put("colour", m.colour());
      x.put("comment", m.comment());
      markers.add(x);
    }
    root.put("markers", markers);
    List<Map<String, Object>> skipped = new ArrayList<>();
    for (SkippedMarker s : job.skipped()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("name", s.name());
      x.put("t_new", Double.isNaN(s.tNew()) ? null : s.tNew());
      x.put("reason", s.reason());
      skipped.add(x);
    }
    root.put("skipped", skipped);
    List<Map<String, Object>> merged = new ArrayList<>();
    for (MergedMarker m : job.merged()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("name", m.name());
      x.put("t_new", m.tNew());
      x.put("joined_to", m.into());
      x.put("timecode", m.timecode());
      merged.add(x);
    }
    root.put("merged", merged);
    out.write(Json.MAPPER.writeValueAsBytes(root));
    out.write('\n');
  }
}
