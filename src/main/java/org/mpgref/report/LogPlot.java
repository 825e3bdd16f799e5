package org.mpgref.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mpgref.io.OutputFiles;

/**
 * A line chart with a linear x axis and a logarithmic y axis, drawn headless with XChart and written as a PNG: an
 * immutable value (title, axis labels, size in pixels, floor, series); each {@code with…} returns a new plot.
 *
 * <p>Values on the log axis: a y value must be finite and ≥ 0. A negative or non-finite y is refused (it has no
 * place on a log axis and is a bug in what is plotted, never silently dropped). A y value below the plot's floor
 * (default {@link #DEFAULT_FLOOR} = 1e−300; 0 included, e.g. an exact gap of 0 or a rational too small for a double)
 * is drawn AT the floor, and the series' legend entry says so: "name (k points ≤ floor drawn at floor)". No point is
 * left out.
 *
 * <p>Drawing: {@code java.awt.headless} is set to {@code true} before anything of AWT is touched, unless the caller
 * set it already; nothing is shown on a screen, no display is needed. Colours are fixed ({@link #background()},
 * {@link #palette()}, series i in palette colour i), lines without markers, legend inside the top right corner.
 *
 * <p>Source: XChart (org.knowm.xchart:xchart, knowm/XChart, Apache-2.0), {@code XYChart} with
 * {@code setYAxisLogarithmic(true)} and {@code BitmapEncoder.getBufferedImage}; PNG by {@code javax.imageio}.
 */
public final class LogPlot {
  /** The default floor of the y axis: values below it are drawn at it (and the legend says so). */
  public static final double DEFAULT_FLOOR = 1e-300;
  /** The default width in pixels. */
  public static final int DEFAULT_WIDTH = 800;
  /** The default height in pixels. */
  public static final int DEFAULT_HEIGHT = 500;
  /** The largest width or height in pixels. */
  public static final int MAX_SIDE = 4000;

  private static final Color BACKGROUND = Color.WHITE;
  private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
      new Color(148, 103, 189), new Color(255, 127, 14), new Color(140, 86, 75), new Color(227, 119, 194),
      new Color(23, 190, 207)};

  /** One named series: points (x[k], y[k]); the arrays are copied in and out. */
  public static final class Series {
    private final String name;
    private final double[] x;
    private final double[] y;

    private Series(String name, double[] x, double[] y) {
      this.name = name;
      this.x = x.clone();
      this.y = y.clone();
    }

    /**
     * The series' name (its legend entry, before any note on the floor).
     *
     * @return the name
     */
    public String name() {
      return name;
    }

    /**
     * The x values.
     *
     * @return a copy, length n
     */
    public double[] x() {
      return x.clone();
    }

    /**
     * The y values as given (before clamping to the floor).
     *
     * @return a copy, length n
     */
    public double[] y() {
      return y.clone();
    }
  }

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final int width;
  private final int height;
  private final double floor;
  private final List<Series> series;

  private LogPlot(String title, String xLabel, String yLabel, int width, int height, double floor,
      List<Series> series) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.width = width;
    this.height = height;
    this.floor = floor;
    this.series = List.copyOf(series);
  }

  /**
   * An empty plot of the default size ({@value #DEFAULT_WIDTH}×{@value #DEFAULT_HEIGHT}) and floor.
   *
   * @param title the chart title
   * @param xLabel the x axis label
   * @param yLabel the y axis label (the axis is logarithmic)
   * @return the plot, without series
   */
  public static LogPlot of(String title, String xLabel, String yLabel) {
    return new LogPlot(title, xLabel, yLabel, DEFAULT_WIDTH, DEFAULT_HEIGHT, DEFAULT_FLOOR, List.of());
  }

  /**
   * The same plot at another size.
   *
   * @param w width in pixels, 100..{@value #MAX_SIDE}
   * @param h height in pixels, 100..{@value #MAX_SIDE}
   * @return the new plot
   * @throws IllegalArgumentException if a side is outside 100..{@value #MAX_SIDE}
   */
  public LogPlot withSize(int w, int h) {
    if (w < 100 || h < 100 || w > MAX_SIDE || h > MAX_SIDE) {
      throw new IllegalArgumentException("plot size " + w + "x" + h + ": each side must be in 100.." + MAX_SIDE);
    }
    return new LogPlot(title, xLabel, yLabel, w, h, floor, series);
  }

  /**
   * The same plot with another floor: y values below it are drawn at it.
   *
   * @param f the floor, finite and greater than 0
   * @return the new plot
   * @throws IllegalArgumentException if f is not finite and greater than 0
   */
  public LogPlot withFloor(double f) {
    if (!(f > 0) || Double.isInfinite(f)) {
      throw new IllegalArgumentException("plot floor " + f + ": must be finite and > 0 (the y axis is logarithmic)");
    }
    return new LogPlot(title, xLabel, yLabel, width, height, f, series);
  }

  /**
   * The same plot with one more series, drawn in the next palette colour.
   *
   * @param name its legend name, not blank, distinct from the other series' names
   * @param x x values, finite, length n ≥ 1
   * @param y y values, finite and ≥ 0, length n (values below the floor are drawn at the floor)
   * @return the new plot
   * @throws IllegalArgumentException if the name is blank or taken, the lengths differ or are 0, an x is not finite,
   *     a y is negative or not finite, or the plot already has {@code palette().size()} series
   */
  public LogPlot withSeries(String name, double[] x, double[] y) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("plot series: the name is blank");
    }
    for (Series s : series) {
      if (s.name.equals(name)) {
        throw new IllegalArgumentException("plot series '" + name + "': the name is already used");
      }
    }
    if (series.size() >= PALETTE.length) {
      throw new IllegalArgumentException("plot series '" + name + "': at most " + PALETTE.length + " series");
    }
    if (x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException("plot series '" + name + "': x has " + x.length + " values and y "
          + y.length + "; they must have the same length, at least 1");
    }
    for (int k = 0; k < x.length; k++) {
      if (!Double.isFinite(x[k])) {
        throw new IllegalArgumentException("plot series '" + name + "': x[" + k + "] = " + x[k] + " is not finite");
      }
      if (!Double.isFinite(y[k]) || y[k] < 0) {
        throw new IllegalArgumentException("plot series '" + name + "': y[" + k + "] = " + y[k]
            + " cannot be drawn on a log axis (must be finite and >= 0)");
      }
    }
    List<Series> more = new ArrayList<>(series);
    more.add(new Series(name, x, y));
    return new LogPlot(title, xLabel, yLabel, width, height, floor, more);
  }

  /**
   * The chart title.
   *
   * @return the title
   */
  public String title() {
    return title;
  }

  /**
   * The width in pixels.
   *
   * @return the width
   */
  public int width() {
    return width;
  }

  /**
   * The height in pixels.
   *
   * @return the height
   */
  public int height() {
    return height;
  }

  /**
   * The floor of the y axis.
   *
   * @return the floor, greater than 0
   */
  public double floor() {
    return floor;
  }

  /**
   * The series, in drawing order (series i is drawn in {@code palette().get(i)}).
   *
   * @return the series (unmodifiable)
   */
  public List<Series> series() {
    return series;
  }

  /**
   * The background colour of the chart and of the plot area.
   *
   * @return white
   */
  public static Color background() {
    return BACKGROUND;
  }

  /**
   * The series colours, in order.
   *
   * @return the palette (unmodifiable), 8 colours
   */
  public static List<Color> palette() {
    return List.of(PALETTE);
  }

  /**
   * The legend entry of series i: its name, with "(k points ≤ floor drawn at floor)" if k of its y values are below
   * the floor.
   *
   * @param i the series index, 0..series().size()−1
   * @return the legend entry
   * @throws IndexOutOfBoundsException if i is out of range
   */
  public String legend(int i) {
    Series s = series.get(i);
    long below = Arrays.stream(s.y).filter(v -> v < floor).count();
    return below == 0 ? s.name
        : s.name + " (" + below + (below == 1 ? " point" : " points") + " <= " + floor + " drawn at " + floor + ")";
  }

  /**
   * Draws the plot headless.
   *
   * @return the image, {@link #width()}×{@link #height()} pixels
   * @throws IllegalArgumentException if the plot has no series
   */
  public BufferedImage render() {
    if (series.isEmpty()) {
      throw new IllegalArgumentException("plot '" + title + "': nothing to draw (no series)");
    }
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel)
        .yAxisTitle(yLabel).build();
    XYStyler st = chart.getStyler();
    st.setYAxisLogarithmic(true);
    st.setYAxisLogarithmicDecadeOnly(true);
    st.setYAxisDecimalPattern("0E0");
    st.setXAxisTickMarkSpacingHint(80);
    st.setPlotGridLinesColor(new Color(225, 225, 225));
    st.setChartBackgroundColor(BACKGROUND);
    st.setPlotBackgroundColor(BACKGROUND);
    st.setLegendBackgroundColor(BACKGROUND);
    st.setLegendPosition(Styler.LegendPosition.InsideNE);
    Color[] colors = new Color[series.size()];
    System.arraycopy(PALETTE, 0, colors, 0, colors.length);
    st.setSeriesColors(colors);
    st.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    st.setAntiAlias(true);
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      double[] y = s.y.clone();
      for (int k = 0; k < y.length; k++) {
        y[k] = Math.max(y[k], floor);
      }
      String legend = legend(i);
      XYSeries drawn = chart.addSeries(legend, s.x.clone(), y);
      drawn.setMarker(SeriesMarkers.NONE);
      drawn.setLineColor(PALETTE[i]);
    }
    return BitmapEncoder.getBufferedImage(chart);
  }

  /**
   * Draws the plot and writes it as a PNG, atomically ({@link OutputFiles#writeAtomically(Path, byte[])}): the file
   * is either the whole new image or as before.
   *
   * @param target the PNG file
   * @throws IllegalArgumentException if the plot has no series, or (one line, naming the file) it cannot be written
   */
  public void writePng(Path target) {
    BufferedImage image = render();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", bytes)) {
        throw new IllegalArgumentException(target + ": cannot be written: no PNG encoder in this Java runtime");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(target + ": cannot be written: " + e.getMessage());
    }
    OutputFiles.writeAtomically(target, bytes.toByteArray());
  }
}
