package dev.nnc.runtime.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A value's curves over the epochs, training and validation, drawn by JFreeChart as a PNG. */
final class Charts {
  static final int WIDTH = 640;
  static final int HEIGHT = 360;

  private Charts() {}

  /** The chart of {@code name}, base64-encoded PNG; {@code validation} may be null. */
  static String curves(String name, double[] epochs, double[] training, double[] validation) {
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(series("training", epochs, training));
    if (validation != null) {
      data.addSeries(series("validation", epochs, validation));
    }
    JFreeChart chart = ChartFactory.createXYLineChart(
        name, "epoch (from 0, as in metrics.csv)", name, data, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    // Points as well as lines: a run of one epoch still shows its value.
    plot.setRenderer(new XYLineAndShapeRenderer(true, true));
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return Base64.getEncoder().encodeToString(png.toByteArray());
  }

  private static XYSeries series(String key, double[] x, double[] y) {
    XYSeries series = new XYSeries(key);
    for (int i = 0; i < x.length; i++) {
      series.add(x[i], y[i]);
    }
    return series;
  }
}
