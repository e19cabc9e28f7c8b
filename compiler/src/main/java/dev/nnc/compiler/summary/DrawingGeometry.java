package dev.nnc.compiler.summary;

import dev.nnc.compiler.summary.DiagramLayout.Box;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;

/** The shapes both image writers draw the same way: where text lines sit and what an arrowhead is. */
final class DrawingGeometry {
  private DrawingGeometry() {}

  static final double ARROW_LENGTH = 8;
  static final double ARROW_HALF_WIDTH = 4;

  /** The vertical centre of each of a box's lines, the block of lines centred in the box. */
  static double[] lineCenters(Box box) {
    int n = box.node().lines().size();
    double lineHeight = DiagramStyle.lineHeight(DiagramStyle.NODE_FONT);
    double top = box.y() + box.height() / 2 - n * lineHeight / 2;
    double[] centers = new double[n];
    for (int i = 0; i < n; i++) {
      centers[i] = top + (i + 0.5) * lineHeight;
    }
    return centers;
  }

  /** The edge's points with the last one pulled back so the line stops where the arrowhead starts. */
  static List<Point2D.Double> shaft(List<Point2D.Double> points) {
    List<Point2D.Double> shaft = new ArrayList<>(points);
    Point2D.Double tip = points.get(points.size() - 1);
    Point2D.Double before = points.get(points.size() - 2);
    double[] d = direction(before, tip);
    shaft.set(shaft.size() - 1, new Point2D.Double(tip.x - d[0] * ARROW_LENGTH, tip.y - d[1] * ARROW_LENGTH));
    return shaft;
  }

  /** The arrowhead's three corners: the tip first. */
  static Point2D.Double[] arrowhead(List<Point2D.Double> points) {
    Point2D.Double tip = points.get(points.size() - 1);
    double[] d = direction(points.get(points.size() - 2), tip);
    double baseX = tip.x - d[0] * ARROW_LENGTH;
    double baseY = tip.y - d[1] * ARROW_LENGTH;
    return new Point2D.Double[] {
        tip,
        new Point2D.Double(baseX - d[1] * ARROW_HALF_WIDTH, baseY + d[0] * ARROW_HALF_WIDTH),
        new Point2D.Double(baseX + d[1] * ARROW_HALF_WIDTH, baseY - d[0] * ARROW_HALF_WIDTH)};
  }

  private static double[] direction(Point2D.Double from, Point2D.Double to) {
    double length = from.distance(to);
    return length == 0 ? new double[] {0, 1} : new double[] {(to.x - from.x) / length, (to.y - from.y) / length};
  }
}
