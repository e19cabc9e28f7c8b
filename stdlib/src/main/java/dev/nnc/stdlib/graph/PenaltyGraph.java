package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.losses.Penalty;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The graph half of {@link Penalty}. */
final class PenaltyGraph implements OneOutput {
  private final Penalty op;

  PenaltyGraph(Penalty op) {
    this.op = op;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
    Operand<TFloat32> values = op == Penalty.L1 ? tf.math.abs(x) : tf.math.square(x);
    return tf.sum(tf.reshape(values, tf.constant(new long[] {-1})), tf.constant(0));
  }
}
