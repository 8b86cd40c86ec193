package dev.mtbsync.io;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputPathsTest {

  @TempDir Path dir;

  @Test
  void eachKindOfPathIsNamedForWhatItIs() throws IOException {
    Path file = Files.writeString(dir.resolve("f.csv"), "name,t_ref\n");
    assertThatCode(() -> InputPaths.file(file)).doesNotThrowAnyException();
    assertThatThrownBy(() -> InputPaths.file(dir))
        .isInstanceOf(BadInputException.class)
        .hasMessage(dir + ": is a folder, not a file");
    assertThatThrownBy(() -> InputPaths.file(Path.of("/dev/null")))
        .hasMessage("/dev/null: not a regular file (a device, pipe or socket)");
    assertThatThrownBy(() -> InputPaths.file(dir.resolve("gone")))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> InputPaths.folder(file))
        .hasMessage(file + ": is a file, not a folder");
    assertThatThrownBy(() -> InputPaths.outputFolder(file.resolve("runs")))
        .hasMessage(
            "cannot create output folder "
                + file.resolve("runs")
                + ": "
                + file
                + " is a file, not a"
                + " folder");
    assertThatThrownBy(() -> InputPaths.outputFile(dir)).hasMessageContaining("is a folder");
    assertThatCode(() -> InputPaths.outputFile(dir.resolve("new/deeper/x.json")))
        .as("folders to be created are fine")
        .doesNotThrowAnyException();
  }

  @Test
  void textMustBeUtf8WithoutZeroBytes() throws IOException {
    Path utf8 = Files.writeString(dir.resolve("ok.csv"), "name,t_ref\nCafé,1\n");
    assertThatCode(() -> InputPaths.textFile(utf8)).doesNotThrowAnyException();
    Path latin = Files.write(dir.resolve("l.csv"), "Café".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> InputPaths.textFile(latin))
        .hasMessageStartingWith(latin + ": not UTF-8 text (byte 0xE9 at byte 3)");
    Path binary = Files.write(dir.resolve("b.csv"), new byte[] {'a', 0, 'b'});
    assertThatThrownBy(() -> InputPaths.textFile(binary))
        .hasMessage(binary + ": binary data, not a text file (a zero byte at byte 1)");
  }

  @Test
  void aFailedWriteNamesTheTargetNotItsTemporaryFile() {
    Path target = dir.resolve("missing-folder/run.json");
    assertThatThrownBy(() -> AtomicFiles.writeString(target, "{}"))
        .hasMessage(
            "cannot write " + target + ": its folder " + target.getParent() + " does not exist");
  }
}
