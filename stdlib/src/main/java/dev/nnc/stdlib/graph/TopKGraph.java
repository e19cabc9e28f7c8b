package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.losses.TopK;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** The graph half of {@link TopK}. */
final class TopKGraph implements OneOutput {
  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    var hits = tf.nn.inTopK((Operand<TFloat32>) inputs.get(0), (Operand<TInt32>) inputs.get(1),
        tf.constant((int) args.integer("k")));
    return Losses.meanOfAll(tf, tf.dtypes.cast(hits, TFloat32.class));
  }
}
