package dev.nnc.compiler.summary;

import dev.nnc.compiler.summary.DiagramLayout.Box;
import dev.nnc.compiler.summary.DiagramLayout.Drawing;
import dev.nnc.compiler.summary.DiagramLayout.Line;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A laid-out diagram drawn with Java2D into a PNG, at twice the layout's scale for sharp text, or
 * smaller for a diagram so large that the image would not fit in memory.
 */
public final class PngWriter {
  private PngWriter() {}

  static final double SCALE = 2;
  /** 60 million pixels, 240 MB as the image is drawn: a model of about 1,000 layers at full scale. */
  static final double MAX_PIXELS = 60e6;
  /** Below this the text is unreadable, and the SVG is the way to see the diagram. */
  static final double MIN_SCALE = 0.5;

  public static void write(Diagram diagram, OutputStream out) throws IOException {
    Drawing drawing = DiagramLayout.layout(diagram);
    double scale = scale(drawing.width(), drawing.height());
    if (scale < MIN_SCALE) {
      throw new IOException(String.format(Locale.ROOT,
          "the diagram is %.0f x %.0f points, too large for a readable PNG; write an .svg instead",
          drawing.width(), drawing.height()));
    }
    BufferedImage image = new BufferedImage(pixels(drawing.width(), scale), pixels(drawing.height(), scale),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.scale(scale, scale);
      drawing.lines().forEach(line -> edge(g, line));
      drawing.boxes().forEach(box -> node(g, box));
    } finally {
      g.dispose();
    }
    if (!ImageIO.write(image, "png", out)) {
      throw new IOException("no PNG writer in this Java runtime");
    }
  }

  /** Twice the layout's size, or less so that the image stays within {@link #MAX_PIXELS}. */
  static double scale(double width, double height) {
    return Math.min(SCALE, Math.sqrt(MAX_PIXELS / (width * height)));
  }

  static int pixels(double length, double scale) {
    return (int) Math.ceil(length * scale);
  }

  private static void edge(Graphics2D g, Line line) {
    Color color = Color.decode(DiagramStyle.EDGE);
    g.setColor(color);
    g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
    List<Point2D.Double> shaft = DrawingGeometry.shaft(line.points());
    Path2D.Double path = new Path2D.Double();
    path.moveTo(shaft.get(0).x, shaft.get(0).y);
    shaft.subList(1, shaft.size()).forEach(p -> path.lineTo(p.x, p.y));
    g.draw(path);
    Point2D.Double[] head = DrawingGeometry.arrowhead(line.points());
    Path2D.Double arrow = new Path2D.Double();
    arrow.moveTo(head[0].x, head[0].y);
    arrow.lineTo(head[1].x, head[1].y);
    arrow.lineTo(head[2].x, head[2].y);
    arrow.closePath();
    g.fill(arrow);
    if (line.label() != null) {
      Box label = line.label();
      g.setColor(Color.decode(DiagramStyle.MUTED_TEXT));
      text(g, line.edge().label(), DiagramStyle.edgeFont(), label.x() + 1, label.y() + label.height() / 2);
    }
  }

  private static void node(Graphics2D g, Box box) {
    Shape shape = switch (box.node().kind()) {
      case LAYER -> new RoundRectangle2D.Double(box.x(), box.y(), box.width(), box.height(), 12, 12);
      case INPUT, OUTPUT -> new Ellipse2D.Double(box.x(), box.y(), box.width(), box.height());
    };
    g.setColor(Color.decode(DiagramStyle.fill(box.node().kind())));
    g.fill(shape);
    g.setColor(Color.decode(DiagramStyle.BORDER));
    g.setStroke(new BasicStroke(1f));
    g.draw(shape);
    double[] centers = DrawingGeometry.lineCenters(box);
    for (int i = 0; i < centers.length; i++) {
      Font font = i == 0 ? DiagramStyle.nodeTitleFont() : DiagramStyle.nodeFont();
      String line = box.node().lines().get(i);
      g.setColor(Color.decode(i == 0 ? DiagramStyle.TEXT : DiagramStyle.MUTED_TEXT));
      text(g, line, font, box.centerX() - DiagramStyle.width(line, font) / 2, centers[i]);
    }
  }

  /** Draws text whose left end is at x and whose middle height is at centerY. */
  private static void text(Graphics2D g, String text, Font font, double x, double centerY) {
    g.setFont(font);
    FontMetrics metrics = g.getFontMetrics();
    double baseline = centerY + (metrics.getAscent() - metrics.getDescent()) / 2.0;
    g.drawString(text, (float) x, (float) baseline);
  }
}
