package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A metric whose batch value is the ratio of its two {@link RatioParts#parts counts}. */
interface RatioGraph extends OneOutput, RatioParts {
  @Override
  default Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    List<? extends Operand<TFloat32>> counts = tf.unstack(parts(net, args, inputs), 2L).output();
    // A batch that counts nothing (padding only, no positives) is 0 rather than 0/0.
    return tf.math.divNoNan(counts.get(0), counts.get(1));
  }
}
