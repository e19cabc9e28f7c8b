package dev.nnc.compiler.summary;

import java.util.List;

/**
 * A drawing of a graph as the renderers see it: named boxes with lines of text, and labelled edges
 * between them. It knows nothing of models, so the DOT, SVG and PNG writers and the layout stay the
 * same whichever representation of a model the diagram is read from.
 */
public record Diagram(String name, List<Node> nodes, List<Edge> edges) {
  public Diagram {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /** Inputs and outputs are drawn as ellipses, layers as rounded boxes (as in the DOT form). */
  public enum Kind { INPUT, LAYER, OUTPUT }

  /** A box: its id (unique in the diagram) and its lines, the first of which is its title. */
  public record Node(String id, List<String> lines, Kind kind) {
    public Node {
      lines = List.copyOf(lines);
    }
  }

  /** An edge from one node's id to another's; {@code label} is null for an unlabelled edge. */
  public record Edge(String from, String to, String label) {}
}
