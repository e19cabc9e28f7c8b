package dev.nnc.compiler.lower;

import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Param;
import dev.nnc.stdlib.spec.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The IR as text, in the style of MLIR and TVM's Relax, for golden tests and for reading in a review:
 *
 * <pre>
 * graph @Classifier(classes = 10) (%x: float[batch, 784]) {
 *   %dense = dense(%x) {units = 128, activation = "relu"} : float[batch, 128]  // 100,480 params
 *   output %logits = %dense_2 : float[batch, 10]
 * }
 * </pre>
 */
final class Printer {
  private Printer() {}

  static String print(Ir.Module module) {
    return module.graphs().stream().map(Printer::print).collect(Collectors.joining("\n"));
  }

  static String print(Ir.Graph graph) {
    StringBuilder s = new StringBuilder("graph @").append(graph.id()).append(hyper(graph.hyper())).append(" (")
        .append(graph.inputs().stream().map(t -> "%" + t.name() + ": " + t.type()).collect(Collectors.joining(", ")))
        .append(") {\n");
    for (Ir.Node node : graph.nodes()) {
      s.append("  %").append(node.name()).append(" = ").append(op(node.op()))
          .append('(').append(node.operands().stream().map(t -> "%" + t.name()).collect(Collectors.joining(", ")))
          .append(')').append(config(node.op())).append(" : ").append(node.type());
      if (node.params() > 0) {
        s.append("  // ").append(String.format(Locale.ROOT, "%,d", node.params())).append(" params");
        if (node.nonTrainable() > 0) {
          s.append(String.format(Locale.ROOT, " (%,d fixed)", node.nonTrainable()));
        }
      }
      s.append('\n');
    }
    for (Ir.Output output : graph.outputs()) {
      s.append("  output %").append(output.name()).append(" = ")
          .append(output.source() == null ? "constant" : "%" + output.source()).append(" : ").append(output.type()).append('\n');
    }
    return s.append("}\n").toString();
  }

  private static String op(Ir.Op op) {
    if (op instanceof Ir.Builtin b) {
      return b.op().name();
    }
    return op instanceof Ir.Apply a ? "@" + a.callee().id() : "param";
  }

  /** The configuration given, in the signature's order; defaults are the built-in's, so not repeated. */
  private static String config(Ir.Op op) {
    List<String> parts = new ArrayList<>();
    if (op instanceof Ir.Builtin b) {
      Args args = b.config();
      for (Param p : b.op().signature().params()) {
        if (args.isGiven(p.name())) {
          parts.add(p.name() + " = " + value(args.get(p.name())));
        }
      }
    } else if (op instanceof Ir.Param p) {
      parts.add("init = " + p.init());
    }
    return parts.isEmpty() ? "" : " {" + String.join(", ", parts) + "}";
  }

  private static String hyper(Map<String, Object> hyper) {
    if (hyper.isEmpty()) {
      return "";
    }
    return hyper.entrySet().stream().map(e -> e.getKey() + " = " + value(e.getValue()))
        .collect(Collectors.joining(", ", "(", ")"));
  }

  private static String value(Object value) {
    return value instanceof String s ? '"' + s + '"' : Values.render(value);
  }
}
