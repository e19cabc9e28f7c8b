package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.GlobalPool;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** The graph half of {@link GlobalPool}. */
final class GlobalPoolGraph implements OneOutput {
  private final GlobalPool op;

  GlobalPoolGraph(GlobalPool op) {
    this.op = op;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    var tf = net.tf();
    Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
    var spatial = tf.constant(new int[] {1, 2});
    return op == GlobalPool.MAX ? tf.max(x, spatial) : tf.math.mean(x, spatial);
  }
}
