package dev.nnc.compiler.summary;

import dev.nnc.compiler.check.ModelInstance;
import dev.nnc.compiler.check.Row;
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
 * and output, and an edge per tensor labelled with its shape. Only this class reads the model; the
 * writers ({@link DotWriter}, {@link SvgWriter}, {@link PngWriter}) draw any diagram.
 */
public final class GraphDiagram {
  private GraphDiagram() {}

  public static Diagram of(ModelInstance model) {
    List<Node> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    // Every shape first: a shared layer's row comes before some of the rows that feed it.
    Map<String, TensorType> shapes = new HashMap<>(model.inputs());
    model.rows().forEach(row -> shapes.put(row.name(), row.output()));
    model.inputs().forEach((name, type) -> nodes.add(new Node(name, List.of(name, "input " + type), Kind.INPUT)));
    for (Row row : model.rows()) {
      List<String> lines = new ArrayList<>(List.of(row.name()));
      if (!row.name().equals(row.type())) {
        lines.add(row.type());
      }
      if (row.params() > 0) {
        lines.add(String.format(Locale.ROOT, "%,d params", row.params()));
      }
      nodes.add(new Node(row.name(), lines, Kind.LAYER));
      for (String input : row.inputs()) {
        edges.add(new Edge(input, row.name(), shapes.get(input).shape().toString()));
      }
    }
    model.outputs().forEach((name, type) -> {
      String id = "output " + name;
      nodes.add(new Node(id, List.of(name, "output " + type), Kind.OUTPUT));
      String source = model.outputSources().get(name);
      if (source != null) {
        edges.add(new Edge(source, id, null));
      }
    });
    return new Diagram(model.decl().name().name(), nodes, edges);
  }
}
