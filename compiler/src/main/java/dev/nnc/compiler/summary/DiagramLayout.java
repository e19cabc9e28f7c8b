package dev.nnc.compiler.summary;

import dev.nnc.compiler.summary.Diagram.Edge;
import dev.nnc.compiler.summary.Diagram.Kind;
import dev.nnc.compiler.summary.Diagram.Node;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.FixedAlignment;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Places a diagram top to bottom with the Eclipse Layout Kernel's layered (Sugiyama) algorithm —
 * the family Graphviz's {@code dot} belongs to — sizing each box to its text and routing edges
 * orthogonally, with each edge's label beside it. What comes out is plain geometry for the writers.
 */
public final class DiagramLayout {
  private DiagramLayout() {}

  /** A placed box: its top-left corner and size. */
  public record Box(Node node, double x, double y, double width, double height) {
    double centerX() {
      return x + width / 2;
    }
  }

  /** A routed edge: its points from source to target, and its label's box (null without a label). */
  public record Line(Edge edge, List<Point2D.Double> points, Box label) {}

  public record Drawing(double width, double height, List<Box> boxes, List<Line> lines) {}

  public static Drawing layout(Diagram diagram) {
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
    root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    root.setProperty(CoreOptions.PADDING, new ElkPadding(16));
    root.setProperty(LayeredOptions.SPACING_NODE_NODE, 24.0);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 26.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 12.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 4.0);
    // Balanced alignment keeps a chain of layers on one vertical line, as dot draws it.
    root.setProperty(LayeredOptions.NODE_PLACEMENT_BK_FIXED_ALIGNMENT, FixedAlignment.BALANCED);

    Map<String, ElkNode> shapes = new LinkedHashMap<>();
    for (Node node : diagram.nodes()) {
      ElkNode shape = ElkGraphUtil.createNode(root);
      double[] size = size(node);
      shape.setDimensions(size[0], size[1]);
      shapes.put(node.id(), shape);
    }
    Map<ElkEdge, Edge> edges = new LinkedHashMap<>();
    for (Edge edge : diagram.edges()) {
      ElkEdge shape = ElkGraphUtil.createSimpleEdge(shapes.get(edge.from()), shapes.get(edge.to()));
      if (edge.label() != null) {
        ElkLabel label = ElkGraphUtil.createLabel(edge.label(), shape);
        label.setDimensions(DiagramStyle.width(edge.label(), DiagramStyle.edgeFont()) + 2,
            DiagramStyle.lineHeight(DiagramStyle.EDGE_FONT));
        label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
      }
      edges.put(shape, edge);
    }
    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

    Map<String, Box> boxes = new LinkedHashMap<>();
    for (Node node : diagram.nodes()) {
      ElkNode shape = shapes.get(node.id());
      boxes.put(node.id(), new Box(node, shape.getX(), shape.getY(), shape.getWidth(), shape.getHeight()));
    }
    List<Line> lines = new ArrayList<>();
    edges.forEach((shape, edge) -> lines.add(line(shape, edge, boxes.get(edge.from()), boxes.get(edge.to()))));
    return new Drawing(root.getWidth(), root.getHeight(), List.copyOf(boxes.values()), lines);
  }

  /** A box fits its lines (the title in bold); an ellipse grows to keep the text inside its curve. */
  static double[] size(Node node) {
    double text = 0;
    for (int i = 0; i < node.lines().size(); i++) {
      text = Math.max(text, DiagramStyle.width(node.lines().get(i),
          i == 0 ? DiagramStyle.nodeTitleFont() : DiagramStyle.nodeFont()));
    }
    double width = text + 2 * DiagramStyle.PAD_X;
    double height = node.lines().size() * DiagramStyle.lineHeight(DiagramStyle.NODE_FONT) + 2 * DiagramStyle.PAD_Y;
    if (node.kind() != Kind.LAYER) {
      width = text * DiagramStyle.ELLIPSE_GROWTH + DiagramStyle.PAD_X;
      height = height * 1.2;
    }
    return new double[] {Math.ceil(width), Math.ceil(height)};
  }

  private static Line line(ElkEdge shape, Edge edge, Box from, Box to) {
    ElkEdgeSection section = shape.getSections().get(0);
    List<Point2D.Double> points = new ArrayList<>();
    points.add(new Point2D.Double(section.getStartX(), section.getStartY()));
    for (ElkBendPoint bend : section.getBendPoints()) {
      points.add(new Point2D.Double(bend.getX(), bend.getY()));
    }
    points.add(new Point2D.Double(section.getEndX(), section.getEndY()));
    // ELK ends edges on the bounding box; an ellipse's edge ends on its curve instead.
    onEllipse(points.get(0), points.get(1), from, true);
    onEllipse(points.get(points.size() - 1), points.get(points.size() - 2), to, false);
    Box label = null;
    if (!shape.getLabels().isEmpty()) {
      ElkLabel l = shape.getLabels().get(0);
      label = new Box(null, l.getX(), l.getY(), l.getWidth(), l.getHeight());
    }
    return new Line(edge, points, label);
  }

  /** Moves an end point that meets its node vertically from the bounding box onto the ellipse. */
  private static void onEllipse(Point2D.Double end, Point2D.Double next, Box box, boolean leaving) {
    if (box.node().kind() == Kind.LAYER || Math.abs(end.x - next.x) > 1e-6) {
      return;
    }
    double a = box.width() / 2;
    double b = box.height() / 2;
    double dx = (end.x - box.centerX()) / a;
    double dy = b * Math.sqrt(Math.max(0, 1 - dx * dx));
    double centerY = box.y() + b;
    end.y = leaving ? centerY + dy : centerY - dy;
  }
}
