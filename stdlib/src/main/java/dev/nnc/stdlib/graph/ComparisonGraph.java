package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.Comparison;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The graph half of {@link Comparison}; an int tensor compared with a number is compared as floats. */
final class ComparisonGraph implements OneOutput {
  private final Comparison op;

  ComparisonGraph(Comparison op) {
    this.op = op;
  }

  @Override
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> a = floats(tf, inputs.get(0));
    Operand<TFloat32> b = floats(tf, inputs.get(1));
    return switch (op.name()) {
      case "greater" -> tf.math.greater(a, b);
      case "less" -> tf.math.less(a, b);
      case "greater_equal" -> tf.math.greaterEqual(a, b);
      case "less_equal" -> tf.math.lessEqual(a, b);
      case "equal" -> tf.math.equal(a, b);
      case "not_equal" -> tf.math.notEqual(a, b);
      default -> throw new IllegalArgumentException("no graph for " + op.name());
    };
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> floats(Ops tf, Operand<?> x) {
    return x.type() == TFloat32.class ? (Operand<TFloat32>) x : tf.dtypes.cast(x, TFloat32.class);
  }
}
