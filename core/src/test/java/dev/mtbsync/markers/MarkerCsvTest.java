package dev.mtbsync.markers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkerCsvTest {

  @TempDir Path dir;

  private Path csv(String text) throws IOException {
    return Files.writeString(dir.resolve("m.csv"), text);
  }

  @Test
  void readsColumnsInAnyOrderWithQuotedFields() throws IOException {
    List<RefMarker> m =
        MarkerCsv.readReference(
            csv("t_ref,name,comment\n1.5,Jump 1,\"left, then \"\"drop\"\"\"\n"));
    assertThat(m).containsExactly(new RefMarker("Jump 1", 1.5, "", "left, then \"drop\""));
  }

  @Test
  void roundTripsWhatItWrites() throws IOException {
    List<RefMarker> in = List.of(new RefMarker("Gap, big", 3.25, "red", "a \"quoted\" | pipe"));
    Path file = dir.resolve("out.csv");
    MarkerCsv.writeReference(in, file);
    assertThat(MarkerCsv.readReference(file)).isEqualTo(in);
  }

  @Test
  void missingColumnIsNamed() throws IOException {
    Path f = csv("name,time\nJump,1.0\n");
    assertThatThrownBy(() -> MarkerCsv.readReference(f))
        .isInstanceOf(MarkerFormatException.class)
        .hasMessage(f + ":1: missing column 't_ref' (found name,time)");
  }

  @Test
  void nonNumericTimeNamesTheLine() throws IOException {
    Path f = csv("name,t_ref\nJump,1.0\nBerm,soon\n");
    assertThatThrownBy(() -> MarkerCsv.readReference(f))
        .hasMessage(f + ":3: t_ref 'soon' is not a number of seconds");
  }

  @Test
  void nanAndNegativeTimesAreRefused() throws IOException {
    Path nan = csv("name,t_ref\nJump,NaN\n");
    assertThatThrownBy(() -> MarkerCsv.readReference(nan))
        .hasMessageContaining("must be a time >= 0 s");
    Path neg = csv("name,t_ref\nJump,-2\n");
    assertThatThrownBy(() -> MarkerCsv.readReference(neg))
        .hasMessageContaining("must be a time >= 0 s");
  }

  @Test
  void emptyFileSaysSo() throws IOException {
    Path f = csv("name,t_ref\n");
    assertThatThrownBy(() -> MarkerCsv.readReference(f)).hasMessageContaining("no markers");
  }

  @Test
  void readsBackTheTransferredMarkersItWrites() throws IOException {
    List<NewMarker> in =
        List.of(
            new NewMarker("Gap, big", 3.25, 1.5, 0.9, false, "red", "a \"quoted\" | pipe"),
            new NewMarker("Far", 9.0, Double.NaN, 0, true, "", "review: not covered"));
    Path file = dir.resolve("new.csv");
    MarkerCsv.writeNew(in, file);
    assertThat(MarkerCsv.readNew(file)).isEqualTo(in);
  }

  @Test
  void transferredMarkersNeedANewTimeColumn() throws IOException {
    Path f = csv("name,t_ref\nJump,1.0\n");
    assertThatThrownBy(() -> MarkerCsv.readNew(f))
        .isInstanceOf(MarkerFormatException.class)
        .hasMessage(f + ":1: missing column 't_new' (found name,t_ref)");
  }

  @Test
  void aReviewFlagMustBeTrueOrFalse() throws IOException {
    Path f = csv("name,t_new,needs_review\nJump,1.0,maybe\n");
    assertThatThrownBy(() -> MarkerCsv.readNew(f))
        .hasMessage(f + ":2: needs_review 'maybe' is not true or false");
  }

  @Test
  void transferredMarkersKeepTheirIntervalAndOlderFilesHaveNone() throws IOException {
    Path file = dir.resolve("intervals.csv");
    MarkerCsv.writeNew(
        List.of(
            new NewMarker("Jump", 3, 1.25, 1.2, 1.3, 0.9, false, "", ""),
            new NewMarker("Gate", 9, Double.NaN, 0, true, "", "review: not covered")),
        file);
    List<NewMarker> back = MarkerCsv.readNew(file);
    assertThat(back.get(0).tNewLo()).isEqualTo(1.2);
    assertThat(back.get(0).tNewHi()).isEqualTo(1.3);
    assertThat(back.get(1).hasInterval()).isFalse();
    Files.writeString(file, "name,t_new\nOld,2.5\n");
    assertThat(MarkerCsv.readNew(file).get(0).hasInterval()).isFalse();
  }
}
