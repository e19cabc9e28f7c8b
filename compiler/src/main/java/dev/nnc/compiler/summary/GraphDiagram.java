package dev.nnc.compiler.summary;

import dev.nnc.compiler.lower.Ir;
import dev.nnc.compiler.summary.Diagram.Edge;
import dev.nnc.compiler.summary.Diagram.Kind;
import dev.nnc.compiler.summary.Diagram.Node;
import dev.nnc.stdlib.spec.TensorType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A model's graph as a {@link Diagram}: a node per input, layer (with its type and parameter count)
 * and output, and an edge per tensor labelled with its shape. Only this class reads the model's IR;
 * the writers ({@link DotWriter}, {@link SvgWriter}, {@link PngWriter}) draw any diagram.
 */
public final class GraphDiagram {
  private GraphDiagram() {}

  public static Diagram of(Ir.Graph model) {
    List<Node> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    // Every shape first: a shared layer's node comes before some of the nodes that feed it.
    Map<String, TensorType> shapes = new HashMap<>();
    model.inputs().forEach(input -> shapes.put(input.name(), input.type()));
    model.nodes().forEach(node -> shapes.put(node.name(), node.type()));
    model.inputs().forEach(input ->
        nodes.add(new Node(input.name(), List.of(input.name(), "input " + input.type()), Kind.INPUT)));
    for (Ir.Node node : model.nodes()) {
      List<String> lines = new ArrayList<>(List.of(node.name()));
      if (!node.name().equals(node.opName())) {
        lines.add(node.opName());
      }
      if (node.params() > 0) {
        lines.add(String.format(Locale.ROOT, "%,d params", node.params()));
      }
      nodes.add(new Node(node.name(), lines, Kind.LAYER));
      for (Ir.Tensor input : node.operands()) {
        edges.add(new Edge(input.name(), node.name(), shapes.get(input.name()).shape().toString()));
      }
    }
    model.outputs().forEach(output -> {
      String id = "output " + output.name();
      nodes.add(new Node(id, List.of(output.name(), "output " + output.type()), Kind.OUTPUT));
      if (output.source() != null) {
        edges.add(new Edge(output.source(), id, null));
      }
    });
    return new Diagram(model.model(), nodes, edges);
  }
}
