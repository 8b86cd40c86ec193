package dev.mtbsync.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mtbsync.align.MonotoneWarp;
import dev.mtbsync.gps.DeltaTime;
import dev.mtbsync.markers.NewMarker;
import dev.mtbsync.runs.SplitsCsv;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaChartTest {

  /** Faster than the reference for 20 s, then 3 s standing, then at its pace. */
  private static final MonotoneWarp WARP =
      new MonotoneWarp(
          new double[] {0, 16, 19, 40}, new double[] {2, 22, 22, 43}, new double[] {1, 1, 1, 1});

  @TempDir Path dir;

  @BeforeEach
  void needsFonts() {
    assumeThat(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
        .as("drawing text needs a font installed (none here, so this test is skipped)")
        .isNotEmpty();
  }

  @Test
  void theOverlayPlotGainsTheDeltaChartBelowWhenTheRunFolderHasOne() throws IOException {
    Path run = Files.createDirectories(dir.resolve("run"));
    Path timewarp = Files.writeString(run.resolve("timewarp.json"), "{}");
    List<NewMarker> markers =
        List.of(
            new NewMarker("Start", 5, WARP.inverse(5), 0.9, false, "", ""),
            new NewMarker("Berm", 22, WARP.inverse(22), 0.9, false, "", ""),
            new NewMarker("Finish", 40, WARP.inverse(40), 0.9, false, "", ""));
    assertThat(OverlayPlot.deltaFor(timewarp)).isEmpty();
    SplitsCsv.writeDelta(run.resolve("delta.csv"), DeltaTime.curve(WARP, null, null));
    List<DeltaTime.Point> delta = OverlayPlot.deltaFor(timewarp);
    assertThat(delta).hasSizeGreaterThan(50);

    Path png = dir.resolve("overlay.png");
    OverlayPlot.write(png, WARP, List.of(), markers, 1000, 900, delta);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1000);
    assertThat(image.getHeight()).isEqualTo(900);
    assertThat(colours(image, 600, 900)).as("a chart in the lower third").isGreaterThan(30);

    Path plain = dir.resolve("plain.png");
    OverlayPlot.write(plain, WARP, List.of(), markers, 1000, 900, List.of());
    assertThat(ImageIO.read(plain.toFile()).getHeight()).isEqualTo(900);
  }

  private static int colours(BufferedImage image, int fromY, int toY) {
    Set<Integer> seen = new HashSet<>();
    for (int y = fromY; y < toY; y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }
}
