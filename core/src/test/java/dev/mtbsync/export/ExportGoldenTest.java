package dev.mtbsync.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every preset at three rates against files checked by hand. After a deliberate change to a format,
 * rewrite them with {@code mvn test -Dtest=ExportGoldenTest -Dmtbsync.updateGolden=true} and review
 * the diff.
 */
class ExportGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/export/golden");
  private static final boolean UPDATE = Boolean.getBoolean("mtbsync.updateGolden");

  /** 23.976 (NTSC, non-drop), 25 (integer rate), 29.97 (drop-frame). */
  private static final List<FrameRate> RATES =
      List.of(FrameRate.FPS_23_976, FrameRate.FPS_25, FrameRate.FPS_29_97);

  @TempDir Path dir;

  static List<Arguments> presetsAndRates() {
    List<Arguments> out = new ArrayList<>();
    for (FrameRate rate : RATES) {
      for (ExportPreset preset : ExportPreset.values()) {
        out.add(Arguments.of(preset, rate));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("presetsAndRates")
  void eachPresetMatchesItsGoldenFile(ExportPreset preset, FrameRate rate) throws IOException {
    ExportResult r = ExportFixture.export(dir, preset, ExportFixture.goPro(rate));
    assertThat(r.written()).isEqualTo(7);
    assertThat(r.skipped())
        .extracting(SkippedMarker::name)
        .containsExactly("Not reached", "Past the end");
    matchesGolden(r.file(), rate.label() + "/" + r.file().getFileName());
  }

  @Test
  void theJsonPlacementMatchesItsGoldenFile() throws IOException {
    ExportResult r =
        ExportFixture.export(
            dir, ExportPreset.RESOLVE_EDL, ExportFixture.goPro(FrameRate.FPS_29_97), true);
    assertThat(r.jsonFile().getFileName().toString()).isEqualTo("new_markers.edl.json");
    matchesGolden(r.jsonFile(), "29.97/new_markers.edl.json");
  }

  @Test
  void withoutAVideoResolveGetsDropFrame2997FromOneHour() throws IOException {
    ExportResult r = ExportFixture.export(dir, ExportPreset.RESOLVE_EDL, null);
    assertThat(r.notes())
        .containsExactly("no video known, so 29.97 fps assumed (give --video or --fps)");
    assertThat(r.timelineStart()).isEqualTo("01:00:00;00");
    assertThat(r.skipped()).extracting(SkippedMarker::name).containsExactly("Not reached");
    matchesGolden(r.file(), "no-video/new_markers.edl");
  }

  private static void matchesGolden(Path actual, String golden) throws IOException {
    String text = Files.readString(actual, StandardCharsets.UTF_8);
    Path file = GOLDEN.resolve(golden);
    if (UPDATE) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
    assertThat(text).as("golden file " + file).isEqualTo(Files.readString(file));
  }
}
