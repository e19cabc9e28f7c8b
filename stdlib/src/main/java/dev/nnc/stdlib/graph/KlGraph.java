package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.losses.Kl;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The graph half of {@link Kl}. */
final class KlGraph implements OneOutput {
  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> p = clipped(tf, (Operand<TFloat32>) inputs.get(0));
    Operand<TFloat32> t = clipped(tf, Losses.floats(tf, inputs.get(1)));
    Operand<TFloat32> perValue = tf.math.mul(t, tf.math.log(tf.math.div(t, p)));
    Operand<TFloat32> perRecord = tf.sum(perValue, tf.constant(-1));
    return Losses.meanOfAll(tf, perRecord);
  }

  private static Operand<TFloat32> clipped(Ops tf, Operand<TFloat32> x) {
    return tf.clipByValue(x, tf.constant(1e-7f), tf.constant(1f));
  }
}
