package dev.nnc.compiler.check;

import dev.nnc.compiler.source.Span;
import dev.nnc.stdlib.spec.TensorType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the graph of one model instance while the checker evaluates it: each application becomes a
 * {@link Row} with a unique name (as Keras names layers: {@code dense}, {@code dense_2}), and each
 * tensor is traced back to the row or input that made it, by where in the source it was made.
 */
final class GraphRecorder {
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Map<String, Integer> names = new HashMap<>();
  private final Map<Span, String> producers = new HashMap<>();

  /** A row in the making: a shared layer applied again gains inputs after it was added. */
  private record Node(Row.Callee callee, TensorType output, long trainable, long nonTrainable, List<String> inputs,
      List<Span> at) {}

  /** A model input named {@code name}, the source of {@code tensor}. */
  void source(String name, Value.Tensor tensor) {
    producers.put(tensor.origin(), name);
  }

  /** Adds a row for an application of {@code callee} whose result is {@code output}; returns its name. */
  String add(String base, Row.Callee callee, Value.Tensor output, List<Value.Tensor> inputs, long trainable, long nonTrainable) {
    int n = names.merge(base, 1, Integer::sum);
    String name = n == 1 ? base : base + "_" + n;
    nodes.put(name, new Node(callee, output.type(), trainable, nonTrainable, new ArrayList<>(), new ArrayList<>()));
    reuse(name, output, inputs);
    return name;
  }

  /** Another application of the row {@code name} (a shared layer): more inputs, one more result. */
  void reuse(String name, Value.Tensor output, List<Value.Tensor> inputs) {
    Node node = nodes.get(name);
    node.at().add(output.origin());
    List<String> from = node.inputs();
    for (Value.Tensor input : inputs) {
      String producer = producers.get(input.origin());
      if (producer != null && !from.contains(producer)) {
        from.add(producer);
      }
    }
    producers.put(output.origin(), name);
  }

  /** A raw parameter: a row of its own, and the source of its tensor. */
  void parameter(String name, Value.Tensor tensor, dev.nnc.compiler.syntax.Ast.Expr init) {
    nodes.put(name, new Node(new Row.Param(init), tensor.type(), tensor.type().shape().elements(), 0, new ArrayList<>(),
        new ArrayList<>(List.of(tensor.origin()))));
    source(name, tensor);
  }

  /** The row or input that made {@code tensor}, or null for a constant. */
  String producer(Value.Tensor tensor) {
    return producers.get(tensor.origin());
  }

  List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    nodes.forEach((name, n) -> rows.add(new Row(name, n.callee(), n.output(), n.trainable(), n.nonTrainable(), n.inputs(), n.at())));
    return rows;
  }
}
