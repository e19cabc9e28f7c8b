package dev.nnc.compiler.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.summary.Diagram.Edge;
import dev.nnc.compiler.summary.Diagram.Kind;
import dev.nnc.compiler.summary.Diagram.Node;
import dev.nnc.compiler.summary.DiagramLayout.Box;
import dev.nnc.compiler.summary.DiagramLayout.Drawing;
import dev.nnc.compiler.summary.DiagramLayout.Line;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The layout and the SVG and PNG writers on a branching diagram: a residual block with two outputs. */
class DiagramRenderingTest {
  private static final Diagram RESIDUAL = new Diagram("Residual & <co>", List.of(
      new Node("x", List.of("x", "input float[batch, 8]"), Kind.INPUT),
      new Node("dense", List.of("dense", "72 params"), Kind.LAYER),
      new Node("relu", List.of("relu"), Kind.LAYER),
      new Node("add", List.of("add", "x + relu"), Kind.LAYER),
      new Node("output y", List.of("y", "output float[batch, 8]"), Kind.OUTPUT),
      new Node("output z", List.of("z", "output float[batch, 8]"), Kind.OUTPUT)),
      List.of(
          new Edge("x", "dense", "[batch, 8]"),
          new Edge("dense", "relu", "[batch, 8]"),
          new Edge("relu", "add", "[batch, 8]"),
          new Edge("x", "add", "[batch, 8]"),
          new Edge("add", "output y", null),
          new Edge("relu", "output z", null)));

  @Test
  void boxesFitTheirTextAndNeverOverlap() {
    Drawing drawing = DiagramLayout.layout(RESIDUAL);
    assertEquals(RESIDUAL.nodes().size(), drawing.boxes().size());
    for (Box box : drawing.boxes()) {
      double[] needed = DiagramLayout.size(box.node());
      assertEquals(needed[0], box.width(), 1e-9, box.node().id());
      assertTrue(box.x() >= 0 && box.y() >= 0 && box.x() + box.width() <= drawing.width()
          && box.y() + box.height() <= drawing.height(), box + " inside " + drawing.width() + "x" + drawing.height());
      for (Box other : drawing.boxes()) {
        if (other != box) {
          assertTrue(!rect(box).intersects(rect(other)), box + " overlaps " + other);
        }
      }
      for (Line line : drawing.lines()) {
        if (line.label() != null) {
          assertTrue(!rect(line.label()).intersects(rect(box)), "label of " + line.edge() + " on " + box.node().id());
        }
      }
    }
  }

  @Test
  void edgesRunDownFromTheirSourceToTheirTarget() {
    Drawing drawing = DiagramLayout.layout(RESIDUAL);
    Map<String, Box> boxes = drawing.boxes().stream().collect(Collectors.toMap(b -> b.node().id(), Function.identity()));
    assertEquals(RESIDUAL.edges(), drawing.lines().stream().map(Line::edge).toList());
    for (Line line : drawing.lines()) {
      Box from = boxes.get(line.edge().from());
      Box to = boxes.get(line.edge().to());
      assertTrue(to.y() > from.y() + from.height(), line.edge() + ": the target is below the source");
      Point2D.Double start = line.points().get(0);
      Point2D.Double end = line.points().get(line.points().size() - 1);
      assertTrue(touches(from, start), line.edge() + " starts at " + start + ", off " + from);
      assertTrue(touches(to, end), line.edge() + " ends at " + end + ", off " + to);
      assertEquals(line.edge().label() != null, line.label() != null, line.edge().toString());
      // Orthogonal routing: every segment is horizontal or vertical.
      for (int i = 1; i < line.points().size(); i++) {
        Point2D.Double a = line.points().get(i - 1);
        Point2D.Double b = line.points().get(i);
        assertTrue(Math.abs(a.x - b.x) < 1e-6 || Math.abs(a.y - b.y) < 1e-6, line.edge() + " segment " + a + "-" + b);
      }
    }
  }

  @Test
  void svgIsWellFormedWithANodeAndEveryLineOfTextPerBox() throws Exception {
    String svg = SvgWriter.write(RESIDUAL);
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    Element root = doc.getDocumentElement();
    assertEquals("svg", root.getTagName());
    assertEquals("Residual & <co>", root.getElementsByTagName("title").item(0).getTextContent());
    List<String> texts = new ArrayList<>();
    NodeList all = root.getElementsByTagName("text");
    for (int i = 0; i < all.getLength(); i++) {
      texts.add(all.item(i).getTextContent());
    }
    for (Node node : RESIDUAL.nodes()) {
      assertTrue(texts.containsAll(node.lines()), node + " in " + texts);
    }
    assertEquals(4, texts.stream().filter("[batch, 8]"::equals).count(), texts.toString());
    assertEquals(1 + 3, root.getElementsByTagName("rect").getLength(), "the background and three layers");
    assertEquals(3, root.getElementsByTagName("ellipse").getLength());
    assertEquals(RESIDUAL.edges().size(), root.getElementsByTagName("polygon").getLength(), "an arrowhead per edge");
  }

  @Test
  void pngIsTheLayoutAtTwiceItsSizeWithEachBoxFilledInItsColour() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PngWriter.write(RESIDUAL, bytes);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
    assertNotNull(image, "a PNG that ImageIO reads");
    Drawing drawing = DiagramLayout.layout(RESIDUAL);
    assertEquals((int) Math.ceil(drawing.width() * 2), image.getWidth());
    assertEquals((int) Math.ceil(drawing.height() * 2), image.getHeight());
    for (Box box : drawing.boxes()) {
      // Just inside the left end of the box's middle line, away from its text and border.
      int x = (int) ((box.x() + (box.node().kind() == Kind.LAYER ? 4 : box.width() * 0.1)) * 2);
      int y = (int) ((box.y() + box.height() / 2) * 2);
      assertEquals(Integer.parseInt(DiagramStyle.fill(box.node().kind()).substring(1), 16),
          image.getRGB(x, y) & 0xffffff, box.node().id() + " at " + x + "," + y);
    }
    assertEquals(0xffffff, image.getRGB(1, 1) & 0xffffff, "a white background");
  }

  @Test
  void aHugeDiagramIsDrawnSmallerAndOneTooLargeToReadIsRefused() {
    assertEquals(2, PngWriter.scale(600, 2_000), 1e-9, "a model of a few dozen layers at twice its size");
    double scale = PngWriter.scale(600, 140_000); // about 1,600 layers
    assertTrue(scale < 2 && scale >= PngWriter.MIN_SCALE, "scale " + scale);
    assertTrue((double) PngWriter.pixels(600, scale) * PngWriter.pixels(140_000, scale) <= PngWriter.MAX_PIXELS * 1.01, "within the budget, give or take the rounding up of each side");
    assertTrue(PngWriter.scale(600, 2_000_000) < PngWriter.MIN_SCALE, "some 20,000 layers: no readable PNG");
  }

  private static Rectangle2D rect(Box box) {
    return new Rectangle2D.Double(box.x(), box.y(), box.width(), box.height());
  }

  /** On the box's outline (its bounding box, or its ellipse), within half a unit. */
  private static boolean touches(Box box, Point2D.Double p) {
    if (box.node().kind() == Kind.LAYER) {
      return Math.abs(p.y - box.y()) < 0.5 || Math.abs(p.y - (box.y() + box.height())) < 0.5;
    }
    double dx = (p.x - box.centerX()) / (box.width() / 2);
    double dy = (p.y - (box.y() + box.height() / 2)) / (box.height() / 2);
    return Math.abs(dx * dx + dy * dy - 1) < 0.05;
  }
}
