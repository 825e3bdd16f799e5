package org.mpgref.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LogPlot: a decodable, non-blank PNG of the stated size, drawn headless; log-axis values never silently dropped. */
class LogPlotTest {
  private static final double[] T = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

  private static LogPlot twoSeries() {
    double[] a = new double[T.length];
    double[] b = new double[T.length];
    for (int k = 0; k < T.length; k++) {
      a[k] = Math.pow(10, -k);
      b[k] = Math.pow(10, -k / 2.0);
    }
    return LogPlot.of("two series", "t", "gap").withSeries("fast", T, a).withSeries("slow", T, b);
  }

  @Test
  void pngDecodesHasTheStatedSizeAndShowsBothSeriesColours(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("plot.png");
    twoSeries().writePng(png);
    BufferedImage img = Pictures.read(png);
    assertThat(img.getWidth()).isEqualTo(LogPlot.DEFAULT_WIDTH).isEqualTo(800);
    assertThat(img.getHeight()).isEqualTo(LogPlot.DEFAULT_HEIGHT).isEqualTo(500);
    assertThat(Pictures.fractionDifferentFrom(img, LogPlot.background())).isGreaterThan(0.01);
    // each line is 9 segments across most of the plot: far more than 100 pixels of its colour
    assertThat(Pictures.near(img, LogPlot.palette().get(0))).isGreaterThan(100);
    assertThat(Pictures.near(img, LogPlot.palette().get(1))).isGreaterThan(100);
    // no third series, so (almost) nothing in the third colour
    assertThat(Pictures.near(img, LogPlot.palette().get(2))).isLessThan(20);
    assertThat(GraphicsEnvironment.isHeadless()).isTrue();
    assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("plot.png");
  }

  @Test
  void anotherSizeIsKept() {
    BufferedImage img = twoSeries().withSize(640, 360).render();
    assertThat(img.getWidth()).isEqualTo(640);
    assertThat(img.getHeight()).isEqualTo(360);
  }

  @Test
  void zeroIsDrawnAtTheFloorAndTheLegendSaysSo() {
    LogPlot p = LogPlot.of("zero", "t", "gap").withFloor(1e-20)
        .withSeries("with zeros", new double[] {0, 1, 2}, new double[] {1, 0, 1e-30})
        .withSeries("positive", new double[] {0, 1, 2}, new double[] {1, 0.1, 0.01});
    assertThat(p.legend(0)).isEqualTo("with zeros (2 points <= 1.0E-20 drawn at 1.0E-20)");
    assertThat(p.legend(1)).isEqualTo("positive");
    assertThat(p.series().get(0).y()).containsExactly(1, 0, 1e-30);
    assertThat(p.render().getWidth()).isEqualTo(800);
  }

  @Test
  void negativeOrNonFiniteValuesAndBadShapesAreRefused() {
    LogPlot p = LogPlot.of("bad", "t", "gap");
    assertThatThrownBy(() -> p.withSeries("neg", new double[] {0, 1}, new double[] {1, -1e-9}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(
            "plot series 'neg': y[1] = -1.0E-9 cannot be drawn on a log axis (must be finite and >= 0)");
    assertThatThrownBy(() -> p.withSeries("nan", new double[] {0}, new double[] {Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("y[0] = NaN");
    assertThatThrownBy(() -> p.withSeries("len", new double[] {0, 1}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x has 2 values and y 1");
    assertThatThrownBy(() -> p.withSeries("x", new double[] {0, 1}, new double[] {1, 1}).withSeries("x",
        new double[] {0}, new double[] {1})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already used");
    assertThatThrownBy(p::render).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no series");
    assertThatThrownBy(() -> p.withFloor(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> p.withSize(99, 500)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMissingDirectoryIsOneLineNamingTheFileAndLeavesNothing(@TempDir Path dir) {
    Path png = dir.resolve("missing").resolve("plot.png");
    assertThatThrownBy(() -> twoSeries().writePng(png)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(png.toString()).hasMessageNotContaining("\n");
    assertThat(Files.exists(dir.resolve("missing"))).isFalse();
  }
}
