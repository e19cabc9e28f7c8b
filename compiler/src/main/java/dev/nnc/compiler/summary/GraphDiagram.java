package dev.nnc.compiler.summary;

import dev.nnc.compiler.lower.Ir;
import dev.nnc.stdlib.spec.TensorType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A model's graph in Graphviz's DOT language: a box per layer (with its type and parameter count),
 * ovals for inputs and outputs, and an edge per tensor labelled with its shape.
 */
public final class GraphDiagram {
  private GraphDiagram() {}

  public static String dot(Ir.Graph model) {
    StringBuilder s = new StringBuilder();
    s.append("digraph ").append(quote(model.model())).append(" {\n")
        .append("  rankdir=TB;\n")
        .append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f4f6fb\", fontname=\"Helvetica\", fontsize=11];\n")
        .append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n");
    // Every shape first: a shared layer's row comes before some of the rows that feed it.
    Map<String, TensorType> shapes = new HashMap<>();
    model.inputs().forEach(input -> shapes.put(input.name(), input.type()));
    model.nodes().forEach(row -> shapes.put(row.name(), row.type()));
    model.inputs().forEach(input ->
        node(s, input.name(), List.of(input.name(), "input " + input.type()), "shape=ellipse, fillcolor=\"#e3f0e3\""));
    for (Ir.Node row : model.nodes()) {
      List<String> label = new ArrayList<>(List.of(row.name()));
      if (!row.name().equals(row.opName())) {
        label.add(row.opName());
      }
      if (row.params() > 0) {
        label.add(String.format(Locale.ROOT, "%,d params", row.params()));
      }
      node(s, row.name(), label, null);
      for (Ir.Tensor input : row.operands()) {
        edge(s, input.name(), row.name(), shapes.get(input.name()).shape().toString());
      }
    }
    model.outputs().forEach(output -> {
      String id = "output " + output.name();
      node(s, id, List.of(output.name(), "output " + output.type()), "shape=ellipse, fillcolor=\"#fbeee3\"");
      if (output.source() != null) {
        edge(s, output.source(), id, null);
      }
    });
    return s.append("}\n").toString();
  }

  private static void node(StringBuilder s, String id, List<String> lines, String style) {
    s.append("  ").append(quote(id)).append(" [label=").append(label(lines));
    if (style != null) {
      s.append(", ").append(style);
    }
    s.append("];\n");
  }

  private static void edge(StringBuilder s, String from, String to, String label) {
    s.append("  ").append(quote(from)).append(" -> ").append(quote(to));
    if (label != null) {
      s.append(" [label=").append(quote(" " + label)).append("]");
    }
    s.append(";\n");
  }

  /** Lines of a label, each escaped, joined with DOT's line break {@code \n}. */
  private static String label(List<String> lines) {
    List<String> escaped = new ArrayList<>();
    for (String line : lines) {
      escaped.add(escape(line));
    }
    return "\"" + String.join("\\n", escaped) + "\"";
  }

  private static String quote(String text) {
    return "\"" + escape(text) + "\"";
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
