package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.Bernoulli;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The graph half of {@link Bernoulli}. */
final class BernoulliGraph implements OneOutput {
  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> p = (Operand<TFloat32>) inputs.get(0);
    Operand<TFloat32> u = tf.random.statelessRandomUniform(tf.shape(p), net.randomKey(), TFloat32.class);
    return tf.dtypes.cast(tf.math.less(u, p), TFloat32.class);
  }
}
