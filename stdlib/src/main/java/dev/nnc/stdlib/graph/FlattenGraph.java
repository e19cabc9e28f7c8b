package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.Flatten;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;

/** The graph half of {@link Flatten}. */
final class FlattenGraph implements OneOutput {
  @Override
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    var tf = net.tf();
    Operand<?> x = inputs.get(0);
    long size = 1;
    for (int i = 1; i < x.shape().numDimensions(); i++) {
      size *= x.shape().size(i);
    }
    return tf.reshape(x, tf.constant(new long[] {-1, size}));
  }
}
