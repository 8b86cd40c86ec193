package dev.mtbsync.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder that cannot be rendered is refused with one line naming the file and the problem. */
class RenderInputsTest {

  @TempDir Path dir;

  private Path runJson(String refPath, String newPath) throws Exception {
    Path video = Files.writeString(dir.resolve("video.mp4"), "not checked here");
    String ref = refPath == null ? video.toString() : refPath;
    String neu = newPath == null ? video.toString() : newPath;
    return Files.writeString(
        dir.resolve("run.json"),
        "{\"inputs\":{\"reference\":{\"path\":\""
            + ref
            + "\"},\"new\":{\"path\":\""
            + neu
            + "\"}}}");
  }

  @Test
  void aMissingFolderOrOneWithoutRunJsonIsNotARun() {
    assertThatThrownBy(() -> RenderInputs.read(dir.resolve("nope")))
        .isInstanceOf(RenderInputException.class)
        .hasMessage(dir.resolve("nope") + ": not a folder (give a sync run folder)");
    assertThatThrownBy(() -> RenderInputs.read(dir))
        .hasMessage(dir + ": not a sync run folder (no run.json)");
  }

  @Test
  void aVideoThatIsGoneIsNamed() throws Exception {
    Path runJson = runJson(null, "/gone/new.mp4");
    assertThatThrownBy(() -> RenderInputs.read(dir))
        .isInstanceOf(RenderInputException.class)
        .hasMessage(runJson + ": names the new video /gone/new.mp4, which is not there any more");
  }

  @Test
  void aRunWithoutAUsableWarpSaysSo() throws Exception {
    runJson(null, null);
    assertThatThrownBy(() -> RenderInputs.read(dir))
        .hasMessage(dir + ": has no timewarp.json (the sync did not finish)");
    Path tw = Files.writeString(dir.resolve("timewarp.json"), "{\"ok\":false,\"mapping\":null}");
    assertThatThrownBy(() -> RenderInputs.read(dir))
        .isInstanceOf(RenderInputException.class)
        .hasMessage(tw + ": has no mapping (the sync failed: ok=false)");
    Files.writeString(tw, "{\"mapping\":{\"t_new\":[0,1],\"t_ref\":[0,1],\"confidence\":[1,1]}}");
    RenderInputs in = RenderInputs.read(dir);
    assertThat(in.markers()).isEmpty();
    assertThat(in.warp().map(0.5)).isEqualTo(0.5);
  }
}
