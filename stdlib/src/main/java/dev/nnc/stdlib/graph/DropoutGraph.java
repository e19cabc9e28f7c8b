package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.Dropout;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** The graph half of {@link Dropout}. */
final class DropoutGraph implements OneOutput {
  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    return drop(net, (Operand<TFloat32>) inputs.get(0), args.real("rate"));
  }

  /** x with a fraction {@code rate} of its values dropped (and the rest scaled up) while training. */
  static Operand<TFloat32> drop(Net net, Operand<TFloat32> x, double rate) {
    var tf = net.tf();
    // keep = 1 - rate while training and exactly 1 otherwise, so floor(keep + U[0,1)) is a Bernoulli
    // mask in training and all ones at inference: no conditional op in the graph.
    Operand<TFloat32> training = tf.dtypes.cast(net.training(), TFloat32.class);
    Operand<TFloat32> keep =
        tf.math.sub(tf.constant(1f), tf.math.mul(training, tf.constant((float) rate)));
    Operand<TFloat32> noise = tf.random.statelessRandomUniform(tf.shape(x), net.randomKey(), TFloat32.class);
    Operand<TFloat32> mask = tf.math.floor(tf.math.add(keep, noise));
    return tf.math.div(tf.math.mul(x, mask), keep);
  }
}
