package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.losses.Mae;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The graph half of {@link Mae}. */
final class MaeGraph implements OneOutput {
  private final Mae op;

  MaeGraph(Mae op) {
    this.op = op;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> error =
        tf.math.abs(tf.math.sub((Operand<TFloat32>) inputs.get(0), Losses.floats(tf, inputs.get(1))));
    if (op == Mae.MAE) {
      return Losses.meanOfAll(tf, error);
    }
    // 0.5 * min(e, d)^2 + d * (e - min(e, d)): Keras's Huber without a branch.
    Operand<TFloat32> delta = tf.constant((float) args.real("delta"));
    Operand<TFloat32> small = tf.math.minimum(error, delta);
    Operand<TFloat32> loss = tf.math.add(
        tf.math.mul(tf.constant(0.5f), tf.math.square(small)),
        tf.math.mul(delta, tf.math.sub(error, small)));
    return Losses.meanOfAll(tf, loss);
  }
}
