package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.losses.Bce;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The graph half of {@link Bce}. */
final class BceGraph implements OneOutput {
  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
    Operand<TFloat32> z = Losses.floats(tf, inputs.get(1));
    Operand<TFloat32> perValue;
    if (args.bool("probs")) {
      Operand<TFloat32> p = tf.clipByValue(x, tf.constant(1e-7f), tf.constant(1f - 1e-7f));
      perValue = tf.math.neg(tf.math.add(
          tf.math.mul(z, tf.math.log(p)),
          tf.math.mul(tf.math.sub(tf.constant(1f), z), tf.math.log(tf.math.sub(tf.constant(1f), p)))));
    } else {
      // The stable form max(x, 0) - x * z + log(1 + exp(-|x|)).
      perValue = tf.math.add(
          tf.math.sub(tf.nn.relu(x), tf.math.mul(x, z)),
          tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(x)))));
    }
    return Losses.meanOfAll(tf, perValue);
  }
}
