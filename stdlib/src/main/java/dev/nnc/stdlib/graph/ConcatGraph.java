package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.Concat;
import dev.nnc.stdlib.spec.Args;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** The graph half of {@link Concat}. */
final class ConcatGraph implements OneOutput {
  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    var tf = net.tf();
    List<Operand<TFloat32>> parts = new ArrayList<>();
    for (Operand<?> input : inputs) {
      parts.add((Operand<TFloat32>) input);
    }
    long axis = args.integer("axis");
    return tf.concat(parts, tf.constant((int) (axis < 0 ? inputs.get(0).shape().numDimensions() + axis : axis)));
  }
}
