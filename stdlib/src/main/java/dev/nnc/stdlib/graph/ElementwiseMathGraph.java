package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.ElementwiseMath;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The graph half of {@link ElementwiseMath}. */
final class ElementwiseMathGraph implements OneOutput {
  private final ElementwiseMath op;

  ElementwiseMathGraph(ElementwiseMath op) {
    this.op = op;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
    return switch (op.name()) {
      case "exp" -> tf.math.exp(x);
      case "log" -> tf.math.log(x);
      case "sqrt" -> tf.math.sqrt(x);
      case "abs" -> tf.math.abs(x);
      case "square" -> tf.math.square(x);
      case "sign" -> tf.math.sign(x);
      case "stop_gradient" -> tf.stopGradient(x);
      default -> throw new IllegalArgumentException("no graph for " + op.name());
    };
  }
}
