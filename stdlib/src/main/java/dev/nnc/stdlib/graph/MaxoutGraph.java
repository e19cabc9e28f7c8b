package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.Maxout;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** The graph half of {@link Maxout}. */
final class MaxoutGraph implements OneOutput {
  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    var tf = net.tf();
    Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
    long k = args.integer("k");
    long[] grouped = new long[x.shape().numDimensions() + 1];
    for (int i = 0; i < x.shape().numDimensions(); i++) {
      grouped[i] = i == 0 ? -1 : x.shape().size(i);
    }
    grouped[grouped.length - 2] /= k;
    grouped[grouped.length - 1] = k;
    return tf.max(tf.reshape(x, tf.constant(grouped)), tf.constant(-1));
  }
}
