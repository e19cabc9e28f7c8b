package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.Pick;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The graph half of {@link Pick}: the sum over the last axis of x times the index's one-hot, which
 * differentiates as Mul and Sum do (a gather by batched indices would need GatherNd's gradient).
 */
final class PickGraph implements OneOutput {
  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
    Operand<TInt32> index = (Operand<TInt32>) inputs.get(1);
    int n = (int) x.shape().size(x.shape().numDimensions() - 1);
    var oneHot = tf.oneHot(index, tf.constant(n), tf.constant(1f), tf.constant(0f));
    return tf.sum(tf.math.mul(x, oneHot), tf.constant(-1));
  }
}
