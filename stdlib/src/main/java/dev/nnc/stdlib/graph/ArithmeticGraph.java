package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.Arithmetic;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The graph half of {@link Arithmetic}. */
final class ArithmeticGraph implements OneOutput {
  private final Arithmetic op;

  ArithmeticGraph(Arithmetic op) {
    this.op = op;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> a = (Operand<TFloat32>) inputs.get(0);
    Operand<TFloat32> b = (Operand<TFloat32>) inputs.get(1);
    return switch (op.name()) {
      case "add" -> tf.math.add(a, b);
      case "sub" -> tf.math.sub(a, b);
      case "mul" -> tf.math.mul(a, b);
      case "div" -> tf.math.div(a, b);
      default -> throw new IllegalArgumentException("no graph for " + op.name());
    };
  }
}
