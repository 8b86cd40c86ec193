package dev.mtbsync.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtbsync.video.H264FileSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export rendered into a stream for a download, and the timecodes a page shows beside it. */
class MarkerRenderTest {

  @TempDir Path dir;

  /** A 4 s, 30000/1001 fps, 64x48 grey video. */
  private Path video() throws IOException {
    Path video = dir.resolve("new.mp4");
    byte[] frame = new byte[64 * 48 * 3 / 2];
    Arrays.fill(frame, (byte) 128);
    try (H264FileSink sink = new H264FileSink(video, 64, 48, 30000.0 / 1001, 30)) {
      for (int i = 0; i < 120; i++) {
        sink.write(frame);
      }
    }
    return video;
  }

  @Test
  void aRenderedExportIsTheFileTheCommandWritesAndWritesNothing() throws IOException {
    Path video = video();
    Path csv =
        Files.writeString(
            dir.resolve("new_markers.csv"),
            "name,t_ref,t_new,confidence,needs_review,colour,comment\n"
                + "Jump,3,1.0,0.9,false,,\nBerm,9,2.5,0.4,true,,\n");
    for (ExportPreset p : ExportPreset.values()) {
      ExportRequest req = ExportRequest.of(csv, p).withVideo(video);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ExportResult rendered = MarkerExport.render(req, bytes);
      assertThat(rendered.file()).isEqualTo(MarkerExport.defaultOut(csv, p));
      assertThat(rendered.file()).as("render writes no file").doesNotExist();
      ExportResult written = MarkerExport.run(req);
      assertThat(bytes.toString(StandardCharsets.UTF_8))
          .as(p.cliName())
          .isEqualTo(Files.readString(written.file()));
      Files.delete(written.file());
    }
  }

  @Test
  void thePagesTimecodesAreTheOnesTheCsvExportWrites() throws IOException {
    Path video = video();
    Path csv =
        Files.writeString(
            dir.resolve("new_markers.csv"),
            "name,t_ref,t_new,confidence,needs_review,colour,comment\n"
                + "Jump,3,1.0,0.9,false,,\nBerm,9,2.517,0.4,true,,\nEnd,9,3.9,0.4,true,,\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ExportResult r =
        MarkerExport.render(ExportRequest.of(csv, ExportPreset.CSV).withVideo(video), bytes);
    Timecode tc = MarkerTimecodes.at(r.timecode().rate());
    assertThat(tc).isEqualTo(r.timecode());
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().skip(1).toList();
    double[] times = {1.0, 2.517, 3.9};
    for (int i = 0; i < times.length; i++) {
      String written = lines.get(i).substring(lines.get(i).lastIndexOf(',') + 1);
      assertThat(MarkerTimecodes.label(tc, times[i])).isEqualTo(written);
    }
    assertThat(MarkerTimecodes.label(tc, 2.517)).isEqualTo("00:00:02;15");
  }
}
