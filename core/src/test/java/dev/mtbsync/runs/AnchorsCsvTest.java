package dev.mtbsync.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtbsync.align.Anchor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnchorsCsvTest {

  @TempDir Path dir;

  @Test
  void pinsSurviveARoundTripWithNotesThatNeedQuoting() throws IOException {
    Path file = dir.resolve(AnchorsCsv.FILE);
    List<Anchor> pins =
        List.of(new Anchor(12.5, 15.25, "berm, left \"big\" one"), new Anchor(30, 33.5, ""));
    AnchorsCsv.write(file, pins);
    assertThat(Files.readAllLines(file).get(0)).isEqualTo("t_new,t_ref,note");
    assertThat(AnchorsCsv.read(file)).containsExactlyElementsOf(pins);
    try (var left = Files.list(dir)) {
      assertThat(left).containsExactly(file); // no temporary file left behind
    }
  }

  @Test
  void aHeaderAloneIsNoPins() throws IOException {
    Path file = Files.writeString(dir.resolve("a.csv"), "t_new,t_ref,note\n");
    assertThat(AnchorsCsv.read(file)).isEmpty();
  }

  @Test
  void aBadRowNamesTheFileAndLine() throws IOException {
    Path file = Files.writeString(dir.resolve("a.csv"), "t_new,t_ref\n1,2\nx,3\n");
    assertThatThrownBy(() -> AnchorsCsv.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("a.csv:3:");
    Path noRef = Files.writeString(dir.resolve("b.csv"), "t_new,note\n1,x\n");
    assertThatThrownBy(() -> AnchorsCsv.read(noRef)).hasMessageContaining("missing column");
  }
}
