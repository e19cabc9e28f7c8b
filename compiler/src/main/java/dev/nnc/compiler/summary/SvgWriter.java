package dev.nnc.compiler.summary;

import dev.nnc.compiler.summary.DiagramLayout.Box;
import dev.nnc.compiler.summary.DiagramLayout.Drawing;
import dev.nnc.compiler.summary.DiagramLayout.Line;
import java.awt.geom.Point2D;
import java.util.List;
import java.util.Locale;

/** A laid-out diagram as a standalone SVG document, written element by element. */
public final class SvgWriter {
  private SvgWriter() {}

  public static String write(Diagram diagram) {
    Drawing drawing = DiagramLayout.layout(diagram);
    StringBuilder s = new StringBuilder();
    s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append(String.format(Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%s\" height=\"%s\" viewBox=\"0 0 %s %s\" font-family=\"%s\">\n",
            n(drawing.width()), n(drawing.height()), n(drawing.width()), n(drawing.height()), DiagramStyle.SVG_FONTS))
        .append("  <title>").append(escape(diagram.name())).append("</title>\n")
        .append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    for (Line line : drawing.lines()) {
      edge(s, line);
    }
    for (Box box : drawing.boxes()) {
      node(s, box);
    }
    return s.append("</svg>\n").toString();
  }

  private static void edge(StringBuilder s, Line line) {
    s.append("  <g class=\"edge\"><title>").append(escape(line.edge().from() + " -> " + line.edge().to())).append("</title>\n");
    StringBuilder path = new StringBuilder();
    List<Point2D.Double> shaft = DrawingGeometry.shaft(line.points());
    for (int i = 0; i < shaft.size(); i++) {
      path.append(i == 0 ? "M" : " L").append(n(shaft.get(i).x)).append(' ').append(n(shaft.get(i).y));
    }
    s.append("    <path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(DiagramStyle.EDGE)
        .append("\" stroke-width=\"1.2\"/>\n");
    Point2D.Double[] head = DrawingGeometry.arrowhead(line.points());
    s.append("    <polygon points=\"");
    for (int i = 0; i < head.length; i++) {
      s.append(i == 0 ? "" : " ").append(n(head[i].x)).append(',').append(n(head[i].y));
    }
    s.append("\" fill=\"").append(DiagramStyle.EDGE).append("\"/>\n");
    if (line.label() != null) {
      Box label = line.label();
      s.append(String.format(Locale.ROOT,
          "    <text x=\"%s\" y=\"%s\" font-size=\"%s\" fill=\"%s\" dominant-baseline=\"central\">%s</text>\n",
          n(label.x() + 1), n(label.y() + label.height() / 2), n(DiagramStyle.EDGE_FONT), DiagramStyle.MUTED_TEXT,
          escape(line.edge().label())));
    }
    s.append("  </g>\n");
  }

  private static void node(StringBuilder s, Box box) {
    s.append("  <g class=\"node\"><title>").append(escape(box.node().id())).append("</title>\n    ");
    String paint = String.format(Locale.ROOT, "fill=\"%s\" stroke=\"%s\" stroke-width=\"1\"",
        DiagramStyle.fill(box.node().kind()), DiagramStyle.BORDER);
    switch (box.node().kind()) {
      case LAYER -> s.append(String.format(Locale.ROOT, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"6\" %s/>\n",
          n(box.x()), n(box.y()), n(box.width()), n(box.height()), paint));
      case INPUT, OUTPUT -> s.append(String.format(Locale.ROOT, "<ellipse cx=\"%s\" cy=\"%s\" rx=\"%s\" ry=\"%s\" %s/>\n",
          n(box.centerX()), n(box.y() + box.height() / 2), n(box.width() / 2), n(box.height() / 2), paint));
    }
    double[] centers = DrawingGeometry.lineCenters(box);
    for (int i = 0; i < centers.length; i++) {
      s.append(String.format(Locale.ROOT,
          "    <text x=\"%s\" y=\"%s\" font-size=\"%s\"%s fill=\"%s\" text-anchor=\"middle\" dominant-baseline=\"central\">%s</text>\n",
          n(box.centerX()), n(centers[i]), n(DiagramStyle.NODE_FONT), i == 0 ? " font-weight=\"bold\"" : "",
          i == 0 ? DiagramStyle.TEXT : DiagramStyle.MUTED_TEXT, escape(box.node().lines().get(i))));
    }
    s.append("  </g>\n");
  }

  /** A coordinate with at most two decimals, so the file stays short and stable. */
  private static String n(double value) {
    String text = String.format(Locale.ROOT, "%.2f", value);
    return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
