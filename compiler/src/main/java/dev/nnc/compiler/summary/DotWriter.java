package dev.nnc.compiler.summary;

import dev.nnc.compiler.summary.Diagram.Edge;
import dev.nnc.compiler.summary.Diagram.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A diagram in Graphviz's DOT language, for `dot` and the tools that read it. */
public final class DotWriter {
  private DotWriter() {}

  public static String write(Diagram diagram) {
    StringBuilder s = new StringBuilder();
    s.append("digraph ").append(quote(diagram.name())).append(" {\n")
        .append("  rankdir=TB;\n")
        .append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"" + DiagramStyle.LAYER_FILL
            + "\", fontname=\"Helvetica\", fontsize=11];\n")
        .append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"" + DiagramStyle.EDGE + "\"];\n");
    // Each node, then the edges into it: a layer's inputs are read next to the layer.
    Map<String, List<Edge>> into = diagram.edges().stream().collect(Collectors.groupingBy(Edge::to));
    for (Node node : diagram.nodes()) {
      node(s, node);
      into.getOrDefault(node.id(), List.of()).forEach(edge -> edge(s, edge));
    }
    return s.append("}\n").toString();
  }

  private static void node(StringBuilder s, Node node) {
    s.append("  ").append(quote(node.id())).append(" [label=").append(label(node.lines()));
    switch (node.kind()) {
      case INPUT -> s.append(", shape=ellipse, fillcolor=\"" + DiagramStyle.INPUT_FILL + "\"");
      case OUTPUT -> s.append(", shape=ellipse, fillcolor=\"" + DiagramStyle.OUTPUT_FILL + "\"");
      case LAYER -> { }
    }
    s.append("];\n");
  }

  private static void edge(StringBuilder s, Edge edge) {
    s.append("  ").append(quote(edge.from())).append(" -> ").append(quote(edge.to()));
    if (edge.label() != null) {
      s.append(" [label=").append(quote(" " + edge.label())).append("]");
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
