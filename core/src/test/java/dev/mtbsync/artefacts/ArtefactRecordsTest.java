package dev.mtbsync.artefacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mtbsync.Progress;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.gps.GpsInputs;
import dev.mtbsync.gps.GpsSource;
import dev.mtbsync.io.Json;
import dev.mtbsync.match.MatchConfig;
import dev.mtbsync.runs.SyncPipeline;
import dev.mtbsync.runs.SyncRequest;
import dev.mtbsync.runs.SyncResult;
import dev.mtbsync.synth.SynthConfig;
import dev.mtbsync.synth.SynthRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON artefacts of a real sync (a rendered pair with GPS) against their records: each file
 * reads into its record and writes back byte for byte, and its field names are the ones the README
 * documents, so renaming a record's field fails here rather than leaving readers with nulls.
 */
class ArtefactRecordsTest {

  @TempDir static Path dir;
  static Path run;

  @BeforeAll
  static void sync() throws IOException {
    Path pair = dir.resolve("pair");
    SynthRenderer.render(new SynthConfig(3, 10, 480, 270, 30, 30), pair, Progress.NONE);
    SyncResult r =
        SyncPipeline.run(
            new SyncRequest(
                pair.resolve("ref.mp4"),
                pair.resolve("new.mp4"),
                null,
                pair.resolve("ref_markers.csv"),
                dir.resolve("runs"),
                OrbConfig.DEFAULT,
                new OrbConfig(3, 960, 500, false),
                MatchConfig.defaults(),
                WarpConfig.DEFAULT,
                0.6,
                new GpsInputs(
                    GpsSource.file(pair.resolve("ref.gpx"), 0),
                    GpsSource.file(pair.resolve("new.gpx"), 0))),
            Progress.NONE);
    assertThat(r.ok()).as(String.join("; ", r.problems())).isTrue();
    run = r.runDir();
  }

  @Test
  void eachJsonArtefactReadsIntoItsRecordAndWritesBackByteForByte() throws IOException {
    Path again = dir.resolve("again");
    Files.createDirectories(again);
    TimewarpJson.read(run.resolve(TimewarpJson.NAME)).write(again.resolve(TimewarpJson.NAME));
    RunJson.read(run.resolve(RunJson.NAME)).write(again.resolve(RunJson.NAME));
    PerfJson.read(run.resolve(PerfJson.NAME)).write(again.resolve(PerfJson.NAME));
    for (String name : List.of(TimewarpJson.NAME, RunJson.NAME, PerfJson.NAME)) {
      assertThat(Files.readString(again.resolve(name)))
          .as(name)
          .isEqualTo(Files.readString(run.resolve(name)));
    }
  }

  @Test
  void timewarpFieldsAreTheDocumentedOnes() throws IOException {
    JsonNode tw = Json.MAPPER.readTree(run.resolve(TimewarpJson.NAME).toFile());
    assertThat(keys(tw))
        .containsExactly(
            "schema_version",
            "ok",
            "model",
            "params",
            "ppm",
            "inlier_frac",
            "residuals",
            "n_pairs",
            "n_inliers",
            "valid_t_new",
            "gates",
            "reasons",
            "mapping",
            "search",
            "camera",
            "gps");
    assertThat(keys(tw.get("params"))).containsExactly("b", "a");
    assertThat(keys(tw.get("residuals"))).containsExactly("mae", "p50", "p90", "p95");
    assertThat(keys(tw.get("gates")))
        .containsExactly(
            "min_inlier_frac", "max_p90_sec", "max_ppm", "inlier_thresh_sec", "window_sec");
    assertThat(keys(tw.get("mapping")))
        .containsExactly("t_new", "t_ref", "confidence", "sigma_sec");
    assertThat(keys(tw.get("search")))
        .containsExactly("prior", "orb_matches", "coarse_cells", "coarse_sec");

    TimewarpJson read = TimewarpJson.read(run.resolve(TimewarpJson.NAME));
    assertThat(read.residuals().p90()).isEqualTo(tw.get("residuals").get("p90").asDouble());
    assertThat(read.nPairs()).isEqualTo(tw.get("n_pairs").asInt());
    assertThat(read.search().prior()).isEqualTo("gps");
    GpsBlock gps = read.gpsBlock();
    assertThat(gps.seeded()).isTrue();
    for (GpsBlock.Track t : List.of(gps.reference(), gps.neu())) {
      assertThat(t).hasNoNullFieldsOrProperties();
    }
    assertThat(gps.alignment()).hasNoNullFieldsOrProperties();
    assertThat(gps.agreement()).hasNoNullFieldsOrProperties();
    assertThat(gps.notes()).isNotEmpty();
    assertThat(read.warp(run).tNew()).hasSize(tw.get("mapping").get("t_new").size());
  }

  @Test
  void runAndPerfFieldsAreTheDocumentedOnes() throws IOException {
    JsonNode rj = Json.MAPPER.readTree(run.resolve(RunJson.NAME).toFile());
    assertThat(keys(rj))
        .containsExactly(
            "schema_version",
            "run_id",
            "tool",
            "tool_version",
            "inputs",
            "parameters",
            "started",
            "finished",
            "ok",
            "problems");
    assertThat(keys(rj.get("inputs")))
        .containsExactly("reference", "new", "ref_markers", "ref_gps", "new_gps");
    assertThat(keys(rj.get("inputs").get("new")))
        .containsExactly(
            "path",
            "size_bytes",
            "mtime",
            "sha256_first_mib",
            "truncated",
            "decoded_sec",
            "header_sec");
    assertThat(keys(rj.get("parameters")))
        .containsExactly(
            "reference_analysis", "new_analysis", "match", "warp", "review_threshold", "gps");
    RunJson read = RunJson.read(run.resolve(RunJson.NAME));
    assertThat(read.inputs().neu().file()).isEqualTo(dir.resolve("pair/new.mp4").toAbsolutePath());
    assertThat(read.inputs().neu().lengthSec()).isGreaterThan(9);

    JsonNode perf = Json.MAPPER.readTree(run.resolve(PerfJson.NAME).toFile());
    List<String> expected = new ArrayList<>(List.of("schema_version", "run_id", "timestamp"));
    expected.addAll(PerfJson.FIGURES);
    assertThat(keys(perf)).containsExactlyElementsOf(expected);
    assertThat(PerfJson.FIGURES)
        .containsExactly(
            "decode_sec",
            "retrieval_sec",
            "warp_sec",
            "markers_sec",
            "total_sec",
            "frames_processed",
            "fps",
            "cpu_pct",
            "rss_mb",
            "gpu_util",
            "gpu_mem_mb");
  }

  @Test
  void anOlderOrHandEditedFileReadsWhatItCan() throws IOException {
    Path file = dir.resolve("edited.json");
    Files.writeString(
        file,
        """
        {"ok": true, "model": 3, "residuals": {"p90": "fast", "mae": 0.1},
         "n_pairs": 12.5, "reasons": ["few pairs"], "mapping": [1, 2],
         "a_field_from_later": {"x": [1, {"y": 2}]}, "valid_t_new": [1.5, "x"]}
        """);
    TimewarpJson tw = TimewarpJson.read(file);
    assertThat(tw.ok()).isTrue();
    assertThat(tw.model()).isNull();
    assertThat(tw.residuals().p90()).isNull();
    assertThat(tw.residuals().mae()).isEqualTo(0.1);
    assertThat(tw.nPairs()).isNull();
    assertThat(tw.reasons()).containsExactly("few pairs");
    assertThat(tw.fitted()).isFalse();
    assertThat(tw.validTNew()).containsExactly(1.5, null);
    assertThat(tw.params().a()).isNull();
    assertThatThrownBy(() -> tw.warp(file)).hasMessage(file + ": has no mapping");
  }

  @Test
  void aTornFileIsNamedWithItsProblem() throws IOException {
    Path file = dir.resolve("torn.json");
    Files.writeString(file, "{\"ok\": tr");
    assertThatThrownBy(() -> RunJson.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file + ": not a JSON file (");
    assertThatThrownBy(() -> TimewarpJson.readGiven(file))
        .hasMessageStartingWith(file + ": not a timewarp JSON file (");
  }

  private static List<String> keys(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
