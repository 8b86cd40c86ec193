package dev.mtbsync.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.match.TimePair;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayPlotTest {

  /** A rider 10% slower than the reference, starting 1 s into it. */
  private static final MonotoneWarp WARP =
      new MonotoneWarp(
          new double[] {0, 10, 20}, new double[] {1, 10.1, 19.2}, new double[] {0.9, 0.95, 0.9});

  @TempDir Path dir;

  @BeforeEach
  void needsFonts() {
    assumeThat(hasFonts())
        .as("drawing text needs a font installed (none here, so this test is skipped)")
        .isTrue();
  }

  @Test
  void drawsAPngOfTheSizeAsked() throws IOException {
    List<TimePair> pairs = new ArrayList<>();
    for (int i = 0; i <= 60; i++) {
      double t = i / 3.0;
      pairs.add(new TimePair(t, WARP.map(t) + (i % 7 == 0 ? 0.8 : 0), (i % 10) / 10.0, 30));
    }
    List<NewMarker> markers =
        List.of(
            new NewMarker("Jump 1", 4, WARP.inverse(4), 0.9, false, "", ""),
            new NewMarker("Berm", 12, WARP.inverse(12), 0.4, true, "", "review"),
            new NewMarker("Beyond", 25, Double.NaN, 0, true, "", "review"));
    Path png = dir.resolve("plots/overlay.png");
    OverlayPlot.write(png, WARP, pairs, markers, 1000, 700);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1000);
    assertThat(image.getHeight()).isEqualTo(700);
    assertThat(colours(image)).as("a drawing, not a blank page").isGreaterThan(50);
    assertThat(Files.list(dir.resolve("plots"))).as("no temporary file left").hasSize(1);
  }

  @Test
  void drawsAWarpWithoutPairsOrMarkers() throws IOException {
    Path png = dir.resolve("bare.png");
    OverlayPlot.write(png, WARP, List.of(), List.of(), 400, 300);
    assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(400);
  }

  @Test
  void refusesSizesThatCannotHoldAPlot() {
    assertThatThrownBy(
            () -> OverlayPlot.write(dir.resolve("x.png"), WARP, List.of(), List.of(), 100, 80))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("plot size must be 400x300 to 10000x10000 px, got 100x80");
  }

  @Test
  void axisEndsRoundUpToReadableSteps() {
    assertThat(OverlayPlot.niceCeiling(22.1)).isEqualTo(24);
    assertThat(OverlayPlot.niceCeiling(7.3))
        .isEqualTo(7.4, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(OverlayPlot.niceCeiling(312)).isEqualTo(320);
    assertThat(OverlayPlot.niceCeiling(0)).isEqualTo(1);
  }

  private static long colours(BufferedImage image) {
    return java.util.stream.IntStream.range(0, image.getWidth() * image.getHeight())
        .map(i -> image.getRGB(i % image.getWidth(), i / image.getWidth()))
        .distinct()
        .count();
  }

  static boolean hasFonts() {
    try {
      return GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames().length
          > 0;
    } catch (RuntimeException | Error noFontConfig) {
      return false;
    }
  }
}
