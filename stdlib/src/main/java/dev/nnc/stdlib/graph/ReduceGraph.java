package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.Reduce;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The graph half of {@link Reduce}. */
final class ReduceGraph implements OneOutput {
  private final Reduce op;

  ReduceGraph(Reduce op) {
    this.op = op;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
    int rank = x.shape().numDimensions();
    Operand<org.tensorflow.types.TInt32> axes;
    if (args.isGiven("axis")) {
      long axis = args.integer("axis");
      axes = tf.constant(new int[] {(int) (axis < 0 ? rank + axis : axis)});
    } else {
      int[] all = new int[rank];
      for (int i = 0; i < rank; i++) {
        all[i] = i;
      }
      axes = tf.constant(all);
    }
    return switch (op.name()) {
      case "mean" -> tf.math.mean(x, axes);
      case "sum" -> tf.sum(x, axes);
      case "max" -> tf.max(x, axes);
      case "min" -> tf.min(x, axes);
      case "std" -> tf.math.sqrt(tf.math.mean(
          tf.math.squaredDifference(x, tf.math.mean(x, axes, org.tensorflow.op.math.Mean.keepDims(true))), axes));
      default -> throw new IllegalArgumentException("no graph for " + op.name());
    };
  }
}
