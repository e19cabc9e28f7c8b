package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.OneHot;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TInt32;

/** The graph half of {@link OneHot}. */
final class OneHotGraph implements OneOutput {
  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    var tf = net.tf();
    return tf.oneHot((Operand<TInt32>) inputs.get(0), tf.constant((int) args.integer("depth")),
        tf.constant(1f), tf.constant(0f));
  }
}
